package cn.gdeea.examphoto.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.storage.PhotoStorage;
import cn.gdeea.examphoto.storage.StorageSettings;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The storage contract against a real S3-compatible server (S3Mock in its own JVM), through the
 * same settings production uses. Lists page every 10 keys and archives above 6 MiB go up in 5 MiB
 * parts, so paging and multipart upload are exercised with small data.
 */
class S3PhotoStorageContractIntegrationTests extends PhotoStorageContract {

    private static S3MockServer server;
    private static S3PhotoStorage storage;

    @BeforeAll
    static void startServer() {
        server = S3MockServer.start("photos");
        StorageSettings.S3 settings = new StorageSettings.S3(server.endpoint(), "us-east-1", "photos",
                "test-access", "test-secret", true);
        storage = new S3PhotoStorage(S3PhotoStorage.client(settings), settings.bucket(), 10,
                6L * 1024 * 1024, S3PhotoStorage.MIN_PART_BYTES);
    }

    @AfterAll
    static void stopServer() {
        if (storage != null) {
            storage.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected PhotoStorage storage() {
        return storage;
    }

    @Override
    protected int listPageSize() {
        return 10;
    }

    @Test
    void theProductionFactoryReachesTheServerWithTheConfiguredSettings() {
        try (S3PhotoStorage configured = S3PhotoStorage.create(new StorageSettings.S3(server.endpoint(), "us-east-1",
                "photos", "k", "s", true))) {
            String key = "photos/factory/" + UUID.randomUUID() + ".jpg";
            configured.put(key, new byte[] {4, 2}, "image/jpeg");
            assertThat(storage.get(key)).hasValueSatisfying(b -> assertThat(b).containsExactly(4, 2));
            configured.delete(key);
        }
    }

    @Test
    void aStreamShorterThanItsStatedLengthLeavesNoObject() {
        byte[] content = new byte[7 * 1024 * 1024];
        new Random(3).nextBytes(content);
        String key = "exports/" + UUID.randomUUID() + "/short.zip";
        InputStream shortStream = new ByteArrayInputStream(content);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> storage.put(key, shortStream, content.length + 1024L * 1024, "application/zip"))
                .isInstanceOf(RuntimeException.class);
        assertThat(storage.get(key)).isEmpty();
    }
}
