package cn.gdeea.examphoto.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.CheckResult;
import cn.gdeea.examphoto.photo.CheckSettings;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NoFaceDiagnosisTests {

    /** Light and dark blocks with crisp edges, as a room or a wall with objects has. */
    private static RgbImage blocks(int blurRadius) {
        int w = 1200;
        int h = 1600;
        Random random = new Random(7);
        int[] level = new int[(w / 40 + 1) * (h / 40 + 1)];
        for (int i = 0; i < level.length; i++) {
            level[i] = 60 + random.nextInt(150);
        }
        float[] grey = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                grey[y * w + x] = level[(y / 40) * (w / 40 + 1) + x / 40];
            }
        }
        if (blurRadius > 0) {
            grey = boxBlur(grey, w, h, blurRadius);
        }
        byte[] rgb = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            byte v = (byte) Math.round(grey[i]);
            rgb[3 * i] = v;
            rgb[3 * i + 1] = v;
            rgb[3 * i + 2] = v;
        }
        return new RgbImage(w, h, rgb);
    }

    private static float[] boxBlur(float[] in, int w, int h, int r) {
        float[] tmp = new float[in.length];
        float[] out = new float[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                int n = 0;
                for (int d = -r; d <= r; d++) {
                    int xx = Math.min(w - 1, Math.max(0, x + d));
                    sum += in[y * w + xx];
                    n++;
                }
                tmp[y * w + x] = (float) (sum / n);
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                int n = 0;
                for (int d = -r; d <= r; d++) {
                    int yy = Math.min(h - 1, Math.max(0, y + d));
                    sum += tmp[yy * w + x];
                    n++;
                }
                out[y * w + x] = (float) (sum / n);
            }
        }
        return out;
    }

    @Test
    void aCrispPhotoIsNotCalledBlurred() {
        assertThat(NoFaceDiagnosis.causes(blocks(0), CheckSettings.defaults())).isEmpty();
    }

    @Test
    void aDefocusedPhotoIsCalledBlurred() {
        assertThat(NoFaceDiagnosis.causes(blocks(12), CheckSettings.defaults()))
                .extracting(CheckResult::id).containsExactly("sharpness");
    }

    @Test
    void edgeSharpnessFallsAsTheBlurWidens() {
        assertThat(NoFaceDiagnosis.edgeSharpness(blocks(0))).isGreaterThan(0.6);
        assertThat(NoFaceDiagnosis.edgeSharpness(blocks(12))).isLessThan(NoFaceDiagnosis.edgeSharpness(blocks(4)));
    }
}
