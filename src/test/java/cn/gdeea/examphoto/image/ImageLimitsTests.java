package cn.gdeea.examphoto.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ImageLimitsTests {

    @Test
    void bindsTheDefaultsWhenNothingIsConfigured() {
        ImageLimits limits = bind(Map.of());

        assertThat(limits).isEqualTo(ImageLimits.defaults());
        assertThat(limits.maxBytes()).isEqualTo(15L * 1024 * 1024);
    }

    @Test
    void bindsConfiguredLimitsAndKeepsDefaultsForTheRest() {
        ImageLimits limits = bind(Map.of("examphoto.image.max-bytes", "8388608", "examphoto.image.max-side", "8000"));

        assertThat(limits).isEqualTo(new ImageLimits(8L << 20, 40_000_000, 8000));
    }

    @Test
    void refusesANonPositiveLimitAtStartUp() {
        assertThatThrownBy(() -> bind(Map.of("examphoto.image.max-pixels", "0"))).isInstanceOf(BindException.class);
    }

    private static ImageLimits bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("examphoto.image", ImageLimits.class);
    }
}
