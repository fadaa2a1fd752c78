package cn.gdeea.examphoto.storage.internal;

import cn.gdeea.examphoto.storage.PhotoStorage;
import cn.gdeea.examphoto.storage.StorageSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Photos as objects in one bucket of an S3-compatible store (Aliyun OSS, MinIO, Ceph, AWS …), the
 * production option: every node sees the same files. Objects appear whole or not at all, so no
 * temporary names are needed. Archives above the multipart threshold are uploaded in parts, so an
 * export of any size never sits in memory whole and never hits the single-request size limit.
 */
public final class S3PhotoStorage implements PhotoStorage, AutoCloseable {

    /** S3 refuses parts below 5 MiB (except the last). */
    static final int MIN_PART_BYTES = 5 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final int pageSize;
    private final long multipartThreshold;
    private final int partBytes;

    S3PhotoStorage(S3Client s3, String bucket, int pageSize, long multipartThreshold, int partBytes) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("examphoto.storage.s3.bucket is required for examphoto.storage.type=s3");
        }
        if (partBytes < MIN_PART_BYTES) {
            throw new IllegalArgumentException("multipart parts must be at least 5 MiB");
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.pageSize = pageSize;
        this.multipartThreshold = multipartThreshold;
        this.partBytes = partBytes;
    }

    /** The store described by {@code examphoto.storage.s3.*}; 1000-key list pages, 16 MiB parts above 32 MiB. */
    public static S3PhotoStorage create(StorageSettings.S3 settings) {
        return new S3PhotoStorage(client(settings), settings.bucket(), 1000, 32L * 1024 * 1024, 16 * 1024 * 1024);
    }

    static S3Client client(StorageSettings.S3 settings) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle());
        if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        if (settings.accessKey() != null && !settings.accessKey().isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())));
        } else {
            // Environment, profile or instance role, as the SDK looks them up.
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(check(key)).contentType(contentType).contentLength((long) bytes.length),
                RequestBody.fromBytes(bytes));
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) {
        check(key);
        if (length <= multipartThreshold) {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).contentLength(length),
                    RequestBody.fromInputStream(content, length));
            return;
        }
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] buffer = new byte[partBytes];
            long remaining = length;
            for (int number = 1; remaining > 0; number++) {
                int size = (int) Math.min(partBytes, remaining);
                int read = content.readNBytes(buffer, 0, size);
                if (read != size) {
                    throw new IOException("stream ended " + (remaining - read) + " bytes before its stated length");
                }
                int partNumber = number;
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                        .contentLength((long) size), RequestBody.fromBytes(java.util.Arrays.copyOf(buffer, size))).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
                remaining -= size;
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (IOException | RuntimeException e) {
            // An abandoned upload would keep its parts (and their cost) forever.
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Cannot store " + key, io);
            }
            throw (RuntimeException) e;
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(check(key))).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<InputStream> open(String key) {
        try {
            ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(check(key)));
            return Optional.of(in);
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** Deleting a missing object succeeds in S3, so two nodes sweeping the same orphan both succeed. */
    @Override
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(check(key)));
    }

    @Override
    public void list(String prefix, Consumer<StoredFile> each) {
        // The paginator follows continuation tokens: a prefix with millions of photos is listed whole.
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).maxKeys(pageSize))) {
            for (S3Object object : page.contents()) {
                each.accept(new StoredFile(object.key(), object.lastModified()));
            }
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private static String check(String key) {
        if (key == null || key.isBlank() || key.startsWith("/") || key.contains("..")) {
            throw new IllegalArgumentException("Invalid storage key: " + key);
        }
        return key;
    }
}
