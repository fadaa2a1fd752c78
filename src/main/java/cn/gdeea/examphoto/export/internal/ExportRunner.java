package cn.gdeea.examphoto.export.internal;

import cn.gdeea.examphoto.job.Jobs;
import cn.gdeea.examphoto.job.WorkFiles;
import cn.gdeea.examphoto.storage.PhotoKeys;
import cn.gdeea.examphoto.storage.PhotoStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an export: per registration point, the archive is written to a work file, stored as
 * {@code exports/<jobId>/<pointCode>.zip} from a stream, and recorded in {@code export_file}
 * together with the job's checkpoint, in one transaction; progress counts candidates. A job
 * resumed on another node skips the points already recorded and goes on from the next one.
 * Optionally each archive is also copied into a folder (the command line).
 */
@Component
public class ExportRunner {

    private static final Logger log = LoggerFactory.getLogger(ExportRunner.class);
    private static final int PROGRESS_EVERY = 100;

    private final JdbcClient jdbc;
    private final PhotoStorage storage;
    private final WorkFiles work;
    private final TransactionTemplate transactions;

    ExportRunner(JdbcClient jdbc, PhotoStorage storage, WorkFiles work, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.storage = storage;
        this.work = work;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** What an export produced. */
    public record Outcome(int points, long photos, long missing) {
    }

    /**
     * Exports the collected photos of one point ({@code pointCode}) or of every point with a
     * collected candidate ({@code null}).
     */
    public Outcome run(String pointCode, Jobs.Progress progress, Path copyTo) throws IOException {
        List<String> points = pointCode != null ? List.of(pointCode)
                : jdbc.sql("select distinct point_code from candidate where state = 'COLLECTED' and collected_submission_id is not null order by point_code")
                        .query(String.class).list();
        progress.total(jdbc.sql("""
                select count(*) from candidate where state = 'COLLECTED' and collected_submission_id is not null
                and (cast(? as varchar) is null or point_code = ?)""").params(pointCode, pointCode).query(Long.class).single());
        long[] counts = parseCheckpoint(progress.checkpoint());
        long done = counts[0];
        long photos = counts[1];
        long missing = counts[2];
        Set<String> finished = new HashSet<>(jdbc.sql("select point_code from export_file where job_id = ?")
                .param(progress.id()).query(String.class).list());
        for (String point : points) {
            if (finished.contains(point)) {
                continue;
            }
            Path temp = work.newFile("export-", ".zip");
            try {
                PointArchiveWriter writer = new PointArchiveWriter(storage, temp);
                try (writer) {
                    for (CollectedPhoto photo : collected(point)) {
                        writer.add(photo);
                        if (++done % PROGRESS_EVERY == 0) {
                            progress.done(done);
                        }
                    }
                }
                String key = PhotoKeys.EXPORTS + progress.id() + "/" + point + ".zip";
                long size = Files.size(temp);
                try (InputStream in = Files.newInputStream(temp)) {
                    storage.put(key, in, size, "application/zip");
                }
                long[] after = {done, photos + writer.written(), missing + writer.missing()};
                String sha = writer.sha256Hex();
                transactions.executeWithoutResult(status -> {
                    jdbc.sql("""
                            insert into export_file (job_id, point_code, storage_key, candidates, size_bytes, sha256, created_at)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                            .params(progress.id(), point, key, writer.written(), size, sha,
                                    OffsetDateTime.now(ZoneOffset.UTC)).update();
                    // Fails (and rolls the row back) when another node has taken the job over.
                    progress.checkpoint(after[0] + "," + after[1] + "," + after[2]);
                });
                if (copyTo != null) {
                    Files.createDirectories(copyTo);
                    Path part = copyTo.resolve(point + ".zip.part");
                    Files.copy(temp, part, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(part, copyTo.resolve(point + ".zip"), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
                photos += writer.written();
                missing += writer.missing();
                progress.done(done);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        String message = "已导出 " + points.size() + " 个报考点、" + photos + " 张照片"
                + (missing > 0 ? "；" + missing + " 张照片缺失或损坏，未导出" : "");
        progress.message(message);
        if (missing > 0) {
            log.warn("Export {}: {} collected photos missing or damaged", progress.id(), missing);
        }
        return new Outcome(points.size(), photos, missing);
    }

    /** done, photos, missing of the points finished by an earlier attempt. */
    private static long[] parseCheckpoint(String checkpoint) {
        if (checkpoint == null || checkpoint.isBlank()) {
            return new long[3];
        }
        String[] parts = checkpoint.split(",");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])};
    }

    /** The point's collected candidates in candidate-number order (metadata only; photos are read one by one). */
    private List<CollectedPhoto> collected(String pointCode) {
        return jdbc.sql("""
                select c.candidate_number, c.name, c.point_code, c.city,
                       coalesce((select max(e.created_at) from candidate_event e
                                 where e.candidate_id = c.id and e.to_state = 'COLLECTED'), c.updated_at),
                       p.storage_key, p.sha256
                from candidate c
                join submission s on s.id = c.collected_submission_id
                left join photo p on p.id = s.standard_photo_id
                where c.state = 'COLLECTED' and c.point_code = ?
                order by c.candidate_number""")
                .param(pointCode)
                .query((rs, n) -> new CollectedPhoto(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getString(7)))
                .list();
    }
}
