package cn.gdeea.examphoto.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.storage.PhotoStorage;
import cn.gdeea.examphoto.storage.PhotoStorage.StoredFile;
import cn.gdeea.examphoto.support.FaceData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PhotoStorage} must do, run against the filesystem store and a real
 * S3-compatible server alike. Each test works under its own random folder, so stores may be shared.
 */
abstract class PhotoStorageContract {

    protected abstract PhotoStorage storage();

    /** How many keys one list page holds in this store (0 when listing does not page). */
    protected abstract int listPageSize();

    private String root;

    @BeforeEach
    void folder() {
        root = "photos/contract-" + UUID.randomUUID() + "/";
    }

    @Test
    void storesAndReadsBackARealPhotoUnderAFolderKey() throws IOException {
        byte[] photo = Files.readAllBytes(FaceData.requireFolder().resolve("deepface/img1.jpg"));
        String key = root + "2026/11/24/" + UUID.randomUUID() + ".jpg";

        storage().put(key, photo, "image/jpeg");

        assertThat(storage().get(key)).hasValueSatisfying(b -> assertThat(b).isEqualTo(photo));
        try (InputStream in = storage().open(key).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(photo);
        }
    }

    @Test
    void missingKeysAreEmptyNotErrors() {
        String key = root + "nobody/" + UUID.randomUUID() + ".jpg";
        assertThat(storage().get(key)).isEmpty();
        assertThat(storage().open(key)).isEmpty();
        List<StoredFile> none = new ArrayList<>();
        storage().list(root, none::add);
        assertThat(none).isEmpty();
    }

    @Test
    void deleteRemovesTheFileAndDeletingTwiceIsHarmless() {
        String key = root + "a/b.jpg";
        storage().put(key, new byte[] {1, 2, 3}, "image/jpeg");
        storage().delete(key);
        assertThat(storage().get(key)).isEmpty();
        storage().delete(key);
        storage().delete(root + "never/was.jpg");
        assertThat(storage().get(key)).isEmpty();
    }

    @Test
    void listsEveryKeyUnderThePrefixAcrossPagesAndNothingOutsideIt() {
        int count = Math.max(25, listPageSize() * 2 + 5);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = root + "day" + (i % 3) + "/" + i + ".jpg";
            storage().put(key, new byte[] {(byte) i}, "image/jpeg");
            written.add(key);
        }
        String outside = "photos/contract-" + UUID.randomUUID() + "/other.jpg";
        storage().put(outside, new byte[] {9}, "image/jpeg");
        Instant before = Instant.now().minus(Duration.ofMinutes(5));

        List<StoredFile> listed = new ArrayList<>();
        storage().list(root, listed::add);

        assertThat(listed).extracting(StoredFile::key).containsExactlyInAnyOrderElementsOf(written);
        assertThat(listed).allSatisfy(f -> assertThat(f.lastModified()).isAfter(before)
                .isBefore(Instant.now().plusSeconds(60)));

        List<StoredFile> oneFolder = new ArrayList<>();
        storage().list(root + "day1/", oneFolder::add);
        assertThat(oneFolder).hasSize((int) written.stream().filter(k -> k.contains("/day1/")).count());
        storage().delete(outside);
    }

    @Test
    void storesALargeStreamOfKnownLengthWithoutChangingAByte() throws Exception {
        int length = 12 * 1024 * 1024 + 12345;
        byte[] content = new byte[length];
        new Random(7).nextBytes(content);
        String key = "exports/" + UUID.randomUUID() + "/P001.zip";

        storage().put(key, new ByteArrayInputStream(content), length, "application/zip");

        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        MessageDigest actual = MessageDigest.getInstance("SHA-256");
        expected.update(content);
        long read = 0;
        try (InputStream in = storage().open(key).orElseThrow()) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; read += n) {
                actual.update(buffer, 0, n);
            }
        }
        assertThat(read).isEqualTo(length);
        assertThat(actual.digest()).isEqualTo(expected.digest());
        storage().delete(key);
        assertThat(storage().open(key)).isEqualTo(Optional.empty());
    }

    @Test
    void refusesKeysThatEscapeTheStore() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> storage().put("../outside.jpg", new byte[] {1}, "image/jpeg"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
