package cn.gdeea.examphoto.export;

import cn.gdeea.examphoto.audit.AuditLog;
import cn.gdeea.examphoto.export.internal.ExportRunner;
import cn.gdeea.examphoto.job.Jobs;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.storage.PhotoStorage;
import cn.gdeea.examphoto.web.ApiException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Export of the collected standard photos (照片导出): per registration point (报考点) one ZIP of
 * {@code <candidate number>.jpg} files with a {@code manifest.csv} (candidate number, name, point,
 * city, collected at, SHA-256, size; no document numbers), kept in photo storage under
 * {@code exports/<jobId>/<pointCode>.zip}. Runs as a job with candidates done/total as progress,
 * on whichever node claims it; a job whose node stops is resumed from its last finished point.
 */
@Service
public class PhotoExport {

    public static final String JOB_KIND = "PHOTO_EXPORT";

    private final Jobs jobs;
    private final ExportRunner runner;
    private final JdbcClient jdbc;
    private final PhotoStorage storage;
    private final AuditLog audit;

    PhotoExport(Jobs jobs, ExportRunner runner, JdbcClient jdbc, PhotoStorage storage, AuditLog audit) {
        this.jobs = jobs;
        this.runner = runner;
        this.jdbc = jdbc;
        this.storage = storage;
        this.audit = audit;
    }

    /** Starts an export of one point, or of the whole province when {@code pointCode} is null. */
    public ExportJob start(String pointCode, AuthenticatedUser actor) {
        requirePoint(pointCode);
        // The job's parameter is the point code (empty: the whole province); any node runs it (PhotoExportJob).
        String id = jobs.submit(JOB_KIND, actor.actor(), pointCode == null ? "" : pointCode, false);
        audit.record(actor, "photo.export", null, pointCode, "job=" + id + (pointCode == null ? " province" : ""));
        return find(id).orElseThrow();
    }

    /** Runs an export on this thread and also writes each archive into {@code folder} (the command line). */
    public ExportJob runInto(String pointCode, Path folder, String createdBy) {
        requirePoint(pointCode);
        Jobs.JobStatus job = jobs.runNow(JOB_KIND, createdBy, progress -> runner.run(pointCode, progress, folder));
        audit.record(null, "photo.export", null, pointCode, "job=" + job.id() + " by=" + createdBy + " folder");
        return new ExportJob(job, files(job.id()));
    }

    public Optional<ExportJob> find(String jobId) {
        return jobs.find(jobId).filter(j -> JOB_KIND.equals(j.kind())).map(j -> new ExportJob(j, files(j.id())));
    }

    public List<ExportJob> recent(int limit) {
        return jobs.recent(JOB_KIND, limit).stream().map(j -> new ExportJob(j, files(j.id()))).toList();
    }

    /** Opens one archive for download; audited. */
    public Download open(String jobId, String pointCode, AuthenticatedUser actor) {
        record Row(String key, ExportFile file) {
        }
        Row row = jdbc.sql("select storage_key, point_code, candidates, size_bytes, sha256 from export_file where job_id = ? and point_code = ?")
                .params(jobId, pointCode)
                .query((rs, n) -> new Row(rs.getString(1), file(rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getString(5))))
                .optional().orElseThrow(() -> ApiException.notFound("导出文件 export file"));
        InputStream in = storage.open(row.key()).orElseThrow(() -> ApiException.notFound("导出文件 export file"));
        audit.record(actor, "photo.export.download", null, pointCode, "job=" + jobId);
        return new Download(row.file(), in);
    }

    /** An archive being downloaded; the caller closes the stream. */
    public record Download(ExportFile file, InputStream content) {
    }

    private List<ExportFile> files(String jobId) {
        return jdbc.sql("select point_code, candidates, size_bytes, sha256 from export_file where job_id = ? order by point_code")
                .param(jobId).query((rs, n) -> file(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4))).list();
    }

    private static ExportFile file(String pointCode, int candidates, long bytes, String sha256) {
        return new ExportFile(pointCode, pointCode + ".zip", candidates, bytes, sha256);
    }

    private void requirePoint(String pointCode) {
        if (pointCode != null && jdbc.sql("select count(*) from registration_point where code = ?").param(pointCode)
                .query(Long.class).single() == 0) {
            throw ApiException.notFound("报考点 registration point");
        }
    }
}
