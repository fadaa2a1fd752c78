package cn.gdeea.examphoto.storage;

import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where photo files live: the local filesystem by default, an S3-compatible object store in
 * production. Keys are slash-separated paths such as {@code photos/2026/11/24/<uuid>.jpg}.
 * A file is always written before the database row that refers to it commits; files without a
 * row are removed by the sweeper after a grace period.
 */
public interface PhotoStorage {

    /** Stores the bytes under the key, replacing nothing: keys are never reused. */
    void put(String key, byte[] bytes, String contentType);

    /** Stores a large file (an export archive) from a stream of known length. */
    void put(String key, InputStream content, long length, String contentType);

    /** The file's bytes, or empty when there is no such file. */
    Optional<byte[]> get(String key);

    /** Opens the file for streaming (downloads of export archives). */
    Optional<InputStream> open(String key);

    void delete(String key);

    /** Every stored key under the prefix, with when it was last written. */
    void list(String prefix, Consumer<StoredFile> each);

    /** A key and when it was written. */
    record StoredFile(String key, Instant lastModified) {
    }
}
