package cn.gdeea.examphoto.roster.internal;

import cn.gdeea.examphoto.image.DecodedImage;
import cn.gdeea.examphoto.image.ImageDecoder;
import cn.gdeea.examphoto.image.ImageRejectedException;
import cn.gdeea.examphoto.roster.ReferencePhotos;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.web.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * One import's flow: stream the rows, validate them in file order, then per chunk hash the plain
 * passwords and decode the reference photos on every core (bcrypt costs ~50-80 ms a password),
 * then write the chunk in one transaction, which also records the import's checkpoint. Only one
 * chunk is held in memory. An import resumed after its node stopped reads and validates the file
 * again from the top (validation is cheap and rebuilds the duplicate checks) but writes only the
 * rows after its checkpoint.
 */
public final class RosterPipeline {

    private static final Logger log = LoggerFactory.getLogger(RosterPipeline.class);

    /** Rows per transaction without photos: large enough for COPY to pay off, small enough for flat memory. */
    static final int CHUNK = 20_000;
    /** Progress is reported every this many rows read. */
    static final int PROGRESS_EVERY = 5_000;
    /** A chunk's photo files are in memory: at most this many per chunk. */
    static final int PHOTO_CHUNK = 200;

    private final RosterWriter writer;
    private final PasswordEncoder passwords;
    private final ImageDecoder decoder;
    private final ReferencePhotos photos;
    private final Consumer<RowError> errors;
    private final RowValidator validator;
    private final boolean photosGiven;

    public RosterPipeline(RosterWriter writer, Pattern candidateNumber, PasswordEncoder passwords, ImageDecoder decoder,
                          ReferencePhotos photos, boolean photosGiven, Consumer<RowError> errors) {
        this.writer = writer;
        this.passwords = passwords;
        this.decoder = decoder;
        this.photos = photos;
        this.errors = errors;
        this.photosGiven = photosGiven;
        this.validator = new RowValidator(candidateNumber, writer.pointCodes(), photosGiven);
    }

    /**
     * The import's totals; {@code hashRate} is bcrypt hashes per second of wall time. Photos
     * missing or unreadable are counted whether they were named in the roster (the row is then
     * rejected) or looked up by candidate number (the row is imported without one).
     */
    public record Counts(long rows, long inserted, long updated, long rejected, long photos, long photosMissing,
                         long photosUnreadable, long hashed, double hashRate) {
    }

    /**
     * How far an import got: every row up to {@code lastRow} is committed or rejected, with these
     * running totals. Encoded as {@code lastRow,inserted,updated,photos,hashed}.
     */
    public record Checkpoint(long lastRow, long inserted, long updated, long photos, long hashed) {

        public static final Checkpoint START = new Checkpoint(0, 0, 0, 0, 0);

        public String encode() {
            return lastRow + "," + inserted + "," + updated + "," + photos + "," + hashed;
        }

        public static Checkpoint parse(String text) {
            if (text == null || text.isBlank()) {
                return START;
            }
            String[] p = text.split(",");
            return new Checkpoint(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]),
                    Long.parseLong(p[3]), Long.parseLong(p[4]));
        }
    }

    /** Commits a chunk: runs its write and records the checkpoint it returns and its row errors, in one transaction. */
    @FunctionalInterface
    public interface ChunkCommit {
        void commit(java.util.function.Supplier<Checkpoint> write, List<RowError> writeErrors);
    }

    public Counts run(Path file, RosterFiles.Inspection inspection, LongConsumer progress) throws IOException {
        return run(file, inspection, progress, Checkpoint.START, List.of(),
                (write, errors) -> write.get());
    }

    /**
     * Runs the import from {@code resume} on; {@code earlierErrors} are the write-time row errors
     * the earlier attempts committed (reported again, first). Whatever stops it ends as an
     * exception with a reason the job records as FAILED: an {@link ApiException} for a file that
     * turned out unusable, and also for a file that exhausted memory or the stack despite the
     * bounds (the job must not stay RUNNING).
     */
    public Counts run(Path file, RosterFiles.Inspection inspection, LongConsumer progress, Checkpoint resume,
                      List<RowError> earlierErrors, ChunkCommit commit) throws IOException {
        try {
            return runRows(file, inspection, progress, resume, earlierErrors, commit);
        } catch (UncheckedIOException e) {
            log.error("Roster import stopped: {} while reading the file", e.getCause().getClass().getName());
            throw RosterFiles.unreadable();
        } catch (OutOfMemoryError | StackOverflowError e) {
            log.error("Roster import stopped: {}", e.getClass().getName());
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "roster.too_large",
                    "名单文件过大或结构异常，导入已停止", "The roster file is too large or malformed; the import stopped");
        }
    }

    private Counts runRows(Path file, RosterFiles.Inspection inspection, LongConsumer progress, Checkpoint resume,
                           List<RowError> earlierErrors, ChunkCommit commit) throws IOException {
        Totals totals = new Totals();
        totals.inserted.set(resume.inserted());
        totals.updated.set(resume.updated());
        totals.photos.set(resume.photos());
        totals.hashed.set(resume.hashed());
        Consumer<RowError> counting = new Consumer<>() {
            private long lastRow = -1;

            // Validation (reading thread) and writing (writer thread) both report errors.
            @Override
            public synchronized void accept(RowError e) {
                if (e.rowNumber() != lastRow) {
                    totals.rejected.incrementAndGet();
                    lastRow = e.rowNumber();
                }
                errors.accept(e);
            }
        };
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        // One chunk is written while the next is read and validated: the database and the parser
        // each keep a core busy. At most two chunks are in memory.
        ExecutorService writing = Executors.newSingleThreadExecutor(r -> new Thread(r, "roster-writer"));
        Future<?> pending = CompletableFuture.completedFuture(null);
        long rows = 0;
        earlierErrors.forEach(counting);
        try (RosterReader reader = RosterFiles.open(file, inspection)) {
            List<RosterRow> chunk = new ArrayList<>();
            int chunkPhotos = 0;
            boolean more = true;
            long lastRow = 0;
            while (more) {
                RawRow raw;
                try {
                    raw = reader.next();
                } catch (MalformedRowException e) {
                    rows++;
                    counting.accept(e.toRowError());
                    continue;
                }
                if (raw != null) {
                    rows++;
                    lastRow = raw.rowNumber();
                    if (rows % PROGRESS_EVERY == 0) {
                        progress.accept(rows);
                    }
                    RosterRow row = validator.validate(raw, counting);
                    if (row != null && row.rowNumber <= resume.lastRow()) {
                        row = null; // committed by an earlier attempt
                    }
                    if (row != null) {
                        row.photoByNumber = photosGiven && row.photoName == null;
                        chunk.add(row);
                        chunkPhotos += row.photoName != null || row.photoByNumber ? 1 : 0;
                    }
                }
                more = raw != null;
                if (chunk.size() >= CHUNK || chunkPhotos >= PHOTO_CHUNK || (!more && !chunk.isEmpty())) {
                    await(pending);
                    List<RosterRow> full = chunk;
                    long through = more ? lastRow : Long.MAX_VALUE;
                    pending = writing.submit(() -> writeChunk(full, through, pool, totals, counting, commit));
                    chunk = new ArrayList<>();
                    chunkPhotos = 0;
                }
            }
            await(pending);
        } finally {
            writing.shutdownNow();
            pool.shutdownNow();
        }
        double rate = totals.hashNanos.get() == 0 ? 0 : totals.hashed.get() / (totals.hashNanos.get() / 1e9);
        return new Counts(rows, totals.inserted.get(), totals.updated.get(), totals.rejected.get(),
                totals.photos.get(), totals.photosMissing.get(), totals.photosUnreadable.get(), totals.hashed.get(), rate);
    }

    private void writeChunk(List<RosterRow> chunk, long throughRow, ForkJoinPool pool, Totals totals,
                            Consumer<RowError> counting, ChunkCommit commit) {
        long t = System.nanoTime();
        long hashedBefore = totals.hashed.get();
        List<RowError> writeErrors = new ArrayList<>();
        List<RosterRow> ready = prepare(chunk, pool, totals, e -> {
            writeErrors.add(e);
            counting.accept(e);
        });
        if (totals.hashed.get() > hashedBefore) {
            totals.hashNanos.addAndGet(System.nanoTime() - t);
        }
        int photoErrors = writeErrors.size();
        RosterWriter.ChunkResult[] result = new RosterWriter.ChunkResult[1];
        commit.commit(() -> {
            writeErrors.subList(photoErrors, writeErrors.size()).clear(); // a retried write reports again
            result[0] = writer.write(ready, writeErrors::add);
            return new Checkpoint(throughRow, totals.inserted.get() + result[0].inserted(),
                    totals.updated.get() + result[0].updated(), totals.photos.get() + result[0].photos(),
                    totals.hashed.get());
        }, writeErrors);
        writeErrors.subList(photoErrors, writeErrors.size()).forEach(counting);
        totals.inserted.addAndGet(result[0].inserted());
        totals.updated.addAndGet(result[0].updated());
        totals.photos.addAndGet(result[0].photos());
    }

    private static void await(Future<?> pending) {
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("roster import interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static final class Totals {
        final AtomicLong inserted = new AtomicLong();
        final AtomicLong updated = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong photos = new AtomicLong();
        final AtomicLong photosMissing = new AtomicLong();
        final AtomicLong photosUnreadable = new AtomicLong();
        final AtomicLong hashed = new AtomicLong();
        final AtomicLong hashNanos = new AtomicLong();
    }

    /** Hashes and decodes in parallel; rows whose photo fails are reported (in row order) and dropped. */
    private List<RosterRow> prepare(List<RosterRow> chunk, ForkJoinPool pool, Totals totals,
                                    Consumer<RowError> counting) {
        AtomicLong hashed = totals.hashed;
        boolean work = chunk.stream().anyMatch(r -> r.password != null || r.photoName != null || r.photoByNumber);
        if (!work) {
            return chunk;
        }
        ConcurrentLinkedQueue<RowError> photoErrors = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<RowError> photoNotes = new ConcurrentLinkedQueue<>();
        try {
            pool.submit(() -> chunk.parallelStream().forEach(r -> {
                if (r.password != null) {
                    r.passwordHash = passwords.encode(r.password);
                    r.password = null;
                    hashed.incrementAndGet();
                }
                if (r.photoName != null) {
                    loadPhoto(r, r.photoName).ifPresent(photoErrors::add);
                } else if (r.photoByNumber) {
                    loadByNumber(r).ifPresent(photoNotes::add);
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("roster import interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        countPhotoProblems(photoErrors, totals);
        countPhotoProblems(photoNotes, totals);
        // A photo looked up by number that is missing or unreadable is noted in the report; the row stays.
        photoNotes.stream().sorted(Comparator.comparingLong(RowError::rowNumber)).forEach(errors);
        if (photoErrors.isEmpty()) {
            return chunk;
        }
        List<RowError> sorted = new ArrayList<>(photoErrors);
        sorted.sort(Comparator.comparingLong(RowError::rowNumber));
        sorted.forEach(counting);
        var failed = sorted.stream().map(RowError::rowNumber).collect(java.util.stream.Collectors.toSet());
        return chunk.stream().filter(r -> !failed.contains(r.rowNumber)).toList();
    }

    private static void countPhotoProblems(java.util.Collection<RowError> problems, Totals totals) {
        for (RowError e : problems) {
            (e.code().endsWith("not_found") ? totals.photosMissing : totals.photosUnreadable).incrementAndGet();
        }
    }

    /** The photo file names tried for a candidate number, in order. */
    static List<String> namesByNumber(String candidateNumber) {
        return List.of(candidateNumber + ".jpg", candidateNumber + ".jpeg", candidateNumber + ".png",
                candidateNumber + ".JPG", candidateNumber + ".JPEG", candidateNumber + ".PNG");
    }

    private Optional<RowError> loadByNumber(RosterRow r) {
        for (String name : namesByNumber(r.candidateNumber)) {
            Optional<RowError> problem = loadPhoto(r, name);
            if (problem.isEmpty()) {
                return Optional.empty();
            }
            if (!problem.get().code().endsWith("not_found")) {
                return Optional.of(note(problem.get(), "reference_photo.by_number_unreadable"));
            }
        }
        return Optional.of(error(r, "reference_photo.by_number_not_found",
                "照片包中没有以考生号命名的参考照片（" + r.candidateNumber + ".jpg 或 .png），已导入考生但无参考照片",
                "No photo named after the candidate number in the archive; the candidate was imported without a reference photo"));
    }

    private static RowError note(RowError e, String code) {
        return new RowError(e.rowNumber(), e.candidateNumber(), e.column(), code, e.messageZh(), e.messageEn());
    }

    private Optional<RowError> loadPhoto(RosterRow r, String photoName) {
        byte[] bytes;
        try {
            Optional<byte[]> found = photos.read(photoName);
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
            DecodedImage decoded = decoder.decode(bytes, photoName);
            String type = "png".equals(decoded.format()) ? "image/png" : "image/jpeg";
            r.photo = new RosterRow.Photo(bytes, type, decoded.image().width(), decoded.image().height(), PhotoRecords.sha256(bytes));
            return Optional.empty();
        } catch (ImageRejectedException e) {
            return Optional.of(error(r, "reference_photo.invalid", "参考照片无效：" + e.messageZh(),
                    "The reference photo is invalid: " + e.messageEn()));
        }
    }

    private static RowError error(RosterRow r, String code, String zh, String en) {
        return new RowError(r.rowNumber, r.candidateNumber, Column.REFERENCE_PHOTO, code, zh, en);
    }
}
