package cn.gdeea.examphoto.roster.internal;

import cn.gdeea.examphoto.image.DecodedImage;
import cn.gdeea.examphoto.image.ImageDecoder;
import cn.gdeea.examphoto.image.ImageRejectedException;
import cn.gdeea.examphoto.roster.ReferencePhotos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * One import's flow: stream the rows, validate them in file order, then per chunk hash the plain
 * passwords and decode the reference photos on every core (bcrypt costs ~50-80 ms a password),
 * then write the chunk in one transaction. Only one chunk is held in memory.
 */
public final class RosterPipeline {

    /** Rows per transaction without photos: large enough for COPY to pay off, small enough for flat memory. */
    static final int CHUNK = 20_000;
    /** With photos, a chunk's decoded files are in memory: keep it small. */
    static final int PHOTO_CHUNK = 200;

    private final RosterWriter writer;
    private final PasswordEncoder passwords;
    private final ImageDecoder decoder;
    private final ReferencePhotos photos;
    private final Consumer<RowError> errors;
    private final RowValidator validator;

    public RosterPipeline(RosterWriter writer, Pattern candidateNumber, PasswordEncoder passwords, ImageDecoder decoder,
                          ReferencePhotos photos, boolean photosGiven, Consumer<RowError> errors) {
        this.writer = writer;
        this.passwords = passwords;
        this.decoder = decoder;
        this.photos = photos;
        this.errors = errors;
        this.validator = new RowValidator(candidateNumber, writer.pointCodes(), photosGiven);
    }

    /** The import's totals; {@code hashRate} is bcrypt hashes per second of wall time. */
    public record Counts(long rows, long inserted, long updated, long rejected, long photos, long hashed,
                         double hashRate) {
    }

    public Counts run(Path file, RosterFiles.Inspection inspection, LongConsumer progress) throws IOException {
        long rows = 0;
        long inserted = 0;
        long updated = 0;
        AtomicLong rejected = new AtomicLong();
        long stored = 0;
        AtomicLong hashed = new AtomicLong();
        long hashNanos = 0;
        Consumer<RowError> counting = new Consumer<>() {
            private long lastRow = -1;

            @Override
            public void accept(RowError e) {
                if (e.rowNumber() != lastRow) {
                    rejected.incrementAndGet();
                    lastRow = e.rowNumber();
                }
                errors.accept(e);
            }
        };
        int cores = Runtime.getRuntime().availableProcessors();
        ForkJoinPool pool = new ForkJoinPool(cores);
        try (RosterReader reader = RosterFiles.open(file, inspection)) {
            boolean withPhotos = reader.columns().containsKey(Column.REFERENCE_PHOTO);
            int chunkSize = withPhotos ? PHOTO_CHUNK : CHUNK;
            List<RosterRow> chunk = new ArrayList<>(chunkSize);
            RawRow raw;
            boolean more = true;
            while (more) {
                raw = reader.next();
                if (raw != null) {
                    rows++;
                    RosterRow row = validator.validate(raw, counting);
                    if (row != null) {
                        chunk.add(row);
                    }
                }
                more = raw != null;
                if (chunk.size() >= chunkSize || (!more && !chunk.isEmpty())) {
                    long t = System.nanoTime();
                    long hashedBefore = hashed.get();
                    List<RosterRow> ready = prepare(chunk, pool, hashed, counting);
                    if (hashed.get() > hashedBefore) {
                        hashNanos += System.nanoTime() - t;
                    }
                    RosterWriter.ChunkResult result = writer.write(ready, counting);
                    inserted += result.inserted();
                    updated += result.updated();
                    stored += result.photos();
                    chunk = new ArrayList<>(chunkSize);
                    progress.accept(rows);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double rate = hashNanos == 0 ? 0 : hashed.get() / (hashNanos / 1e9);
        return new Counts(rows, inserted, updated, rejected.get(), stored, hashed.get(), rate);
    }

    /** Hashes and decodes in parallel; rows whose photo fails are reported (in row order) and dropped. */
    private List<RosterRow> prepare(List<RosterRow> chunk, ForkJoinPool pool, AtomicLong hashed,
                                    Consumer<RowError> counting) {
        boolean work = chunk.stream().anyMatch(r -> r.password != null || r.photoName != null);
        if (!work) {
            return chunk;
        }
        ConcurrentLinkedQueue<RowError> photoErrors = new ConcurrentLinkedQueue<>();
        try {
            pool.submit(() -> chunk.parallelStream().forEach(r -> {
                if (r.password != null) {
                    r.passwordHash = passwords.encode(r.password);
                    r.password = null;
                    hashed.incrementAndGet();
                }
                if (r.photoName != null) {
                    loadPhoto(r).ifPresent(photoErrors::add);
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("roster import interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        if (photoErrors.isEmpty()) {
            return chunk;
        }
        List<RowError> sorted = new ArrayList<>(photoErrors);
        sorted.sort(Comparator.comparingLong(RowError::rowNumber));
        sorted.forEach(counting);
        var failed = sorted.stream().map(RowError::rowNumber).collect(java.util.stream.Collectors.toSet());
        return chunk.stream().filter(r -> !failed.contains(r.rowNumber)).toList();
    }

    private Optional<RowError> loadPhoto(RosterRow r) {
        byte[] bytes;
        try {
            Optional<byte[]> found = photos.read(r.photoName);
            if (found.isEmpty()) {
                return Optional.of(error(r, "reference_photo.not_found", "照片包中找不到参考照片",
                        "The reference photo is not in the photo archive"));
            }
            bytes = found.get();
        } catch (ReferencePhotos.PhotoTooLargeException e) {
            return Optional.of(error(r, "reference_photo.too_large", "参考照片文件过大", "The reference photo file is too large"));
        } catch (IOException e) {
            return Optional.of(error(r, "reference_photo.unreadable", "参考照片无法读取", "The reference photo cannot be read"));
        }
        try {
            DecodedImage decoded = decoder.decode(bytes, r.photoName);
            String type = "png".equals(decoded.format()) ? "image/png" : "image/jpeg";
            r.photo = new RosterRow.Photo(bytes, type, decoded.image().width(), decoded.image().height(), sha256(bytes));
            return Optional.empty();
        } catch (ImageRejectedException e) {
            return Optional.of(error(r, "reference_photo.invalid", "参考照片无效：" + e.messageZh(),
                    "The reference photo is invalid: " + e.messageEn()));
        }
    }

    private static RowError error(RosterRow r, String code, String zh, String en) {
        return new RowError(r.rowNumber, r.candidateNumber, Column.REFERENCE_PHOTO, code, zh, en);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
