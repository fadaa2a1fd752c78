package cn.gdeea.examphoto.storage.internal;

import cn.gdeea.examphoto.storage.PhotoStorage;
import cn.gdeea.examphoto.storage.StorageSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the photo store from {@code examphoto.storage.type}. */
@Configuration
class StorageConfiguration {

    @Bean
    @ConditionalOnProperty(name = "examphoto.storage.type", havingValue = "filesystem", matchIfMissing = true)
    PhotoStorage fileSystemPhotoStorage(StorageSettings settings, MeterRegistry metrics) {
        return new TimedPhotoStorage(new FileSystemPhotoStorage(settings.directory()), metrics);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "examphoto.storage.type", havingValue = "s3")
    PhotoStorage s3PhotoStorage(StorageSettings settings, MeterRegistry metrics) {
        return new TimedPhotoStorage(S3PhotoStorage.create(settings.s3()), metrics);
    }
}
