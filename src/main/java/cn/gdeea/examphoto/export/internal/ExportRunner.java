package cn.gdeea.examphoto.export.internal;

import cn.gdeea.examphoto.job.Jobs;
import cn.gdeea.examphoto.storage.PhotoKeys;
import cn.gdeea.examphoto.storage.PhotoStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs an export: per registration point, the archive is written to a temporary file, stored as
 * {@code exports/<jobId>/<pointCode>.zip} from a stream, and recorded in {@code export_file};
 * progress counts candidates. Optionally each archive is also copied into a folder (the command line).
 */
@Component
public class ExportRunner {

    private static final Logger log = LoggerFactory.getLogger(ExportRunner.class);
    private static final int PROGRESS_EVERY = 100;

    private final JdbcClient jdbc;
    private final PhotoStorage storage;

    ExportRunner(JdbcClient jdbc, PhotoStorage storage) {
        this.jdbc = jdbc;
        this.storage = storage;
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
        long done = 0;
        long photos = 0;
        long missing = 0;
        for (String point : points) {
            Path temp = Files.createTempFile("examphoto-export-", ".zip");
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
                jdbc.sql("""
                        insert into export_file (job_id, point_code, storage_key, candidates, size_bytes, sha256, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                        .params(progress.id(), point, key, writer.written(), size, writer.sha256Hex(),
                                OffsetDateTime.now(ZoneOffset.UTC)).update();
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
