package cn.gdeea.examphoto.roster;

import cn.gdeea.examphoto.audit.AuditLog;
import cn.gdeea.examphoto.image.ImageDecoder;
import cn.gdeea.examphoto.image.ImageLimits;
import cn.gdeea.examphoto.job.Jobs;
import cn.gdeea.examphoto.job.WorkFiles;
import cn.gdeea.examphoto.roster.internal.Column;
import cn.gdeea.examphoto.roster.internal.ErrorReport;
import cn.gdeea.examphoto.roster.internal.RosterFiles;
import cn.gdeea.examphoto.roster.internal.RosterPipeline;
import cn.gdeea.examphoto.roster.internal.RosterWriter;
import cn.gdeea.examphoto.roster.internal.RowError;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.settings.SettingsService;
import cn.gdeea.examphoto.storage.PhotoKeys;
import cn.gdeea.examphoto.storage.PhotoStorage;
import cn.gdeea.examphoto.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Imports the pre-registration roster (预报名名单): CSV or Excel, hundreds of thousands of rows,
 * validated row by row; valid rows are inserted or updated in place by candidate number, invalid
 * ones are listed in an error report. Each import is one {@link Jobs job}.
 */
@Service
public class RosterImports {

    /** The job kind of roster imports. */
    public static final String JOB_KIND = "ROSTER_IMPORT";

    private static final Logger log = LoggerFactory.getLogger(RosterImports.class);

    private final Jobs jobs;
    private final JdbcClient jdbc;
    private final RosterWriter writer;
    private final SettingsService settings;
    private final PasswordEncoder passwords;
    private final ImageDecoder decoder;
    private final ImageLimits imageLimits;
    private final PhotoStorage storage;
    private final AuditLog audit;
    private final WorkFiles work;
    private final TransactionTemplate transactions;

    public RosterImports(Jobs jobs, JdbcClient jdbc, RosterWriter writer, SettingsService settings,
                         PasswordEncoder passwords, ImageDecoder decoder, ImageLimits imageLimits, PhotoStorage storage,
                         AuditLog audit, WorkFiles work, PlatformTransactionManager transactionManager) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.writer = writer;
        this.settings = settings;
        this.passwords = passwords;
        this.decoder = decoder;
        this.imageLimits = imageLimits;
        this.storage = storage;
        this.audit = audit;
        this.work = work;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** A roster file whose format and header have been checked. */
    public record CheckedFile(Path path, String fileName, RosterFiles.Inspection inspection) {
    }

    /**
     * Checks the file's type, encoding and header; throws an {@link cn.gdeea.examphoto.web.ApiException}
     * (400/422) when it cannot be imported at all, so that nothing is imported.
     */
    public CheckedFile check(Path file, String fileName) {
        return new CheckedFile(file, fileName, RosterFiles.inspect(file));
    }

    /** Opens the reference photos (a ZIP or a folder), refusing unsafe archives. */
    public ReferencePhotos openPhotos(Path zipOrFolder) {
        return zipOrFolder == null ? ReferencePhotos.NONE : ReferencePhotos.open(zipOrFolder, imageLimits.maxBytes());
    }

    /**
     * An admin's upload: checked now (4xx on a bad file), then stored under {@code imports/<jobId>/}
     * in the shared photo store and queued, so that any node can run it and another node can
     * resume it. Refused (409) while another roster import is queued or running. The local files
     * (in {@code workFolder}) are deleted before this returns; the stored copies when the job ends.
     */
    public Jobs.JobStatus start(Path file, String fileName, Path photoArchive, Path workFolder, AuthenticatedUser admin) {
        try {
            check(file, fileName);
            try (ReferencePhotos photos = openPhotos(photoArchive)) {
                // opened only to refuse an unsafe archive now, with a 4xx
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (jobs.busy(JOB_KIND)) {
                throw importRunning();
            }
            String id = UUID.randomUUID().toString();
            try {
                putInput(RosterImportJob.rosterKey(id), file);
                if (photoArchive != null) {
                    putInput(RosterImportJob.photosKey(id), photoArchive);
                }
                jobs.submit(id, JOB_KIND, admin.actor(),
                        RosterImportJob.params(fileName, photoArchive != null, admin), true);
            } catch (Jobs.AlreadyRunningException e) {
                RosterImportJob.deleteInputs(storage, id);
                throw importRunning();
            } catch (RuntimeException e) {
                RosterImportJob.deleteInputs(storage, id);
                throw e;
            }
            return jobs.get(id);
        } finally {
            FileSystemUtils.deleteRecursively(workFolder.toFile());
        }
    }

    private void putInput(String key, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            storage.put(key, in, Files.size(file), "application/octet-stream");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ApiException importRunning() {
        return ApiException.conflict("roster.import_running", "已有名单导入正在进行，请待其结束后再导入",
                "Another roster import is queued or running; import again when it has finished");
    }

    /**
     * Runs the import on the calling thread, inside a job that reports progress. Each chunk commits
     * with the job's checkpoint; a job resumed on another node goes on after its last committed chunk.
     */
    public ImportSummary run(CheckedFile file, ReferencePhotos photos, Jobs.Progress progress) throws IOException {
        long started = System.nanoTime();
        if (jdbc.sql("select count(*) from roster_import where job_id = ?").param(progress.id()).query(Long.class).single() == 0) {
            jdbc.sql("insert into roster_import (job_id, file_name) values (?, ?)")
                    .params(progress.id(), truncate(file.fileName())).update();
        }
        progress.total(file.inspection().estimatedRows());
        RosterPipeline.Checkpoint resume = RosterPipeline.Checkpoint.parse(progress.checkpoint());
        List<RowError> earlier = resume == RosterPipeline.Checkpoint.START ? List.of() : rowErrors(progress.id());
        RosterPipeline.Counts counts;
        String reportKey;
        Path reportFile = work.newFile("roster-errors-", ".csv");
        try {
            try (ErrorReport report = new ErrorReport(reportFile)) {
                RosterPipeline pipeline = new RosterPipeline(writer, settings.candidateNumberPattern(), passwords, decoder,
                        photos, photos != ReferencePhotos.NONE, report::add);
                counts = pipeline.run(file.path(), file.inspection(), progress::done, resume, earlier,
                        (write, errors) -> transactions.executeWithoutResult(status -> {
                            RosterPipeline.Checkpoint after = write.get();
                            saveRowErrors(progress.id(), errors);
                            progress.checkpoint(after.encode());
                        }));
                report.finish();
            }
            reportKey = null;
            if (counts.rejected() > 0 || counts.photosMissing() > 0 || counts.photosUnreadable() > 0) {
                reportKey = PhotoKeys.REPORTS + "roster-import-" + progress.id() + ".csv";
                try (InputStream in = Files.newInputStream(reportFile)) {
                    storage.put(reportKey, in, Files.size(reportFile), "text/csv; charset=UTF-8");
                }
                progress.report(reportKey);
            }
        } finally {
            Files.deleteIfExists(reportFile);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        ImportSummary summary = new ImportSummary(file.fileName(), counts.rows(), counts.inserted(), counts.updated(),
                counts.rejected(), counts.photos(), counts.photosMissing(), counts.photosUnreadable(), counts.hashed(),
                seconds, reportKey);
        jdbc.sql("""
                update roster_import set rows_read = ?, inserted = ?, updated = ?, rejected = ?, photos = ?, hashed = ?,
                seconds = ?, photos_missing = ?, photos_unreadable = ? where job_id = ?""")
                .params(summary.rows(), summary.imported(), summary.updated(), summary.errors(), summary.photos(),
                        summary.hashed(), seconds, summary.photosMissing(), summary.photosUnreadable(), progress.id())
                .update();
        jdbc.sql("delete from job_row_error where job_id = ?").param(progress.id()).update();
        progress.total(counts.rows());
        progress.done(counts.rows());
        progress.message("共 " + counts.rows() + " 行：新增 " + counts.inserted() + "，更新 " + counts.updated()
                + "，错误 " + counts.rejected() + "；参考照片：导入 " + counts.photos() + "，缺失 " + counts.photosMissing()
                + "，无法读取 " + counts.photosUnreadable());
        log.info("Roster import {}: {} rows in {} s ({} rows/s), {} new, {} updated, {} rejected, {} photos, "
                        + "{} passwords hashed at {}/s", progress.id(), counts.rows(), String.format("%.1f", seconds),
                Math.round(counts.rows() / Math.max(seconds, 1e-3)), counts.inserted(), counts.updated(),
                counts.rejected(), counts.photos(), counts.hashed(), String.format("%.1f", counts.hashRate()));
        return summary;
    }

    private List<RowError> rowErrors(String jobId) {
        return jdbc.sql("""
                select row_no, candidate_number, column_name, code, message_zh, message_en from job_row_error
                where job_id = ? order by row_no""").param(jobId)
                .query((rs, n) -> new RowError(rs.getLong(1), rs.getString(2),
                        rs.getString(3) == null ? null : Column.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    private void saveRowErrors(String jobId, List<RowError> errors) {
        for (RowError e : errors) {
            jdbc.sql("""
                    insert into job_row_error (job_id, row_no, candidate_number, column_name, code, message_zh, message_en)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(jobId, e.rowNumber(), e.candidateNumber(), e.column() == null ? null : e.column().name(),
                            e.code(), cut(e.messageZh()), cut(e.messageEn())).update();
        }
    }

    private static String cut(String s) {
        return s == null ? "" : s.length() > 500 ? s.substring(0, 500) : s;
    }

    /** The import's counts, once its job has finished them. */
    public Optional<ImportSummary> summary(String jobId) {
        return jdbc.sql("""
                select r.file_name, r.rows_read, r.inserted, r.updated, r.rejected, r.photos, r.photos_missing,
                       r.photos_unreadable, r.hashed, r.seconds, j.report_key
                from roster_import r join job j on j.id = r.job_id where r.job_id = ?""").param(jobId)
                .query((rs, n) -> new ImportSummary(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getDouble(10),
                        rs.getString(11)))
                .optional();
    }

    /** A recent import: its job and, when known, its counts. */
    public record ImportView(Jobs.JobStatus job, ImportSummary summary) {
    }

    public List<ImportView> recent(int limit) {
        return jobs.recent(JOB_KIND, limit).stream().map(j -> new ImportView(j, summary(j.id()).orElse(null))).toList();
    }

    private static String truncate(String name) {
        String n = name == null ? "roster" : name;
        return n.length() > 255 ? n.substring(0, 255) : n;
    }
}
