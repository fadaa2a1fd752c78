package cn.gdeea.examphoto.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Stores a candidate's photo: the file first, then its {@code photo} row in the caller's
 * transaction. If that transaction rolls back the file has no row, and the sweeper removes it
 * after the grace period; a committed row always has its file.
 */
@Service
public class PhotoRecords {

    private final JdbcClient jdbc;
    private final PhotoStorage storage;

    public PhotoRecords(JdbcClient jdbc, PhotoStorage storage) {
        this.jdbc = jdbc;
        this.storage = storage;
    }

    /** Writes the file and inserts its row; returns the row's id. */
    public long store(long candidateId, PhotoKind kind, byte[] bytes, String contentType, Integer width, Integer height) {
        return record(candidateId, kind, write(bytes, contentType, width, height));
    }

    /**
     * Writes the file only, before any transaction opens, so that no database lock is held while
     * the object store answers; {@link #record} then inserts its row.
     */
    public WrittenFile write(byte[] bytes, String contentType, Integer width, Integer height) {
        String key = PhotoKeys.newPhotoKey(extension(contentType));
        storage.put(key, bytes, contentType);
        return new WrittenFile(key, contentType, bytes.length, width, height, sha256(bytes));
    }

    /** Inserts the row of a written file, in the caller's transaction; returns the row's id. */
    public long record(long candidateId, PhotoKind kind, WrittenFile file) {
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into photo (candidate_id, kind, storage_key, content_type, size_bytes, width, height, sha256, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(candidateId, kind.name(), file.key(), file.contentType(), file.sizeBytes(), file.width(),
                        file.height(), file.sha256(), OffsetDateTime.now(ZoneOffset.UTC))
                .update(id, "id");
        return id.getKey().longValue();
    }

    /** A file in the store that has no row yet (the sweeper removes it if none ever commits). */
    public record WrittenFile(String key, String contentType, int sizeBytes, Integer width, Integer height, String sha256) {
    }

    /** The photo's metadata. */
    public Optional<StoredPhoto> find(long photoId) {
        return jdbc.sql("select id, candidate_id, kind, storage_key, content_type, size_bytes, width, height, created_at from photo where id = ?")
                .param(photoId)
                .query((rs, n) -> new StoredPhoto(rs.getLong(1), rs.getLong(2), PhotoKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getInt(6), (Integer) rs.getObject(7),
                        (Integer) rs.getObject(8), rs.getObject(9, OffsetDateTime.class)))
                .optional();
    }

    /** The photo's bytes; callers check that the requester may see {@link StoredPhoto#candidateId()}. */
    public Optional<byte[]> bytes(StoredPhoto photo) {
        return storage.get(photo.storageKey());
    }

    static String extension(String contentType) {
        return switch (contentType) {
            case "image/png" -> "png";
            case "image/webp" -> "webp";
            default -> "jpg";
        };
    }

    /** The SHA-256 of a photo as lower-case hex, as kept in {@code photo.sha256}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored photo's row. */
    public record StoredPhoto(long id, long candidateId, PhotoKind kind, String storageKey, String contentType,
                              int sizeBytes, Integer width, Integer height, OffsetDateTime createdAt) {
    }
}
