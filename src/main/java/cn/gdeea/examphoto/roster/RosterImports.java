package cn.gdeea.examphoto.roster;

import cn.gdeea.examphoto.audit.AuditLog;
import cn.gdeea.examphoto.image.ImageDecoder;
import cn.gdeea.examphoto.image.ImageLimits;
import cn.gdeea.examphoto.job.Jobs;
import cn.gdeea.examphoto.roster.internal.ErrorReport;
import cn.gdeea.examphoto.roster.internal.RosterFiles;
import cn.gdeea.examphoto.roster.internal.RosterPipeline;
import cn.gdeea.examphoto.roster.internal.RosterWriter;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.settings.SettingsService;
import cn.gdeea.examphoto.storage.PhotoKeys;
import cn.gdeea.examphoto.storage.PhotoStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
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

    public RosterImports(Jobs jobs, JdbcClient jdbc, RosterWriter writer, SettingsService settings,
                         PasswordEncoder passwords, ImageDecoder decoder, ImageLimits imageLimits, PhotoStorage storage,
                         AuditLog audit) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.writer = writer;
        this.settings = settings;
        this.passwords = passwords;
        this.decoder = decoder;
        this.imageLimits = imageLimits;
        this.storage = storage;
        this.audit = audit;
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
     * An admin's upload: checked now (4xx on a bad file), imported in the background. The files
     * (in {@code workFolder}) are deleted when the job ends.
     */
    public Jobs.JobStatus start(Path file, String fileName, Path photoArchive, Path workFolder, AuthenticatedUser admin) {
        CheckedFile checked;
        ReferencePhotos photos;
        try {
            checked = check(file, fileName);
            photos = openPhotos(photoArchive);
        } catch (RuntimeException e) {
            FileSystemUtils.deleteRecursively(workFolder.toFile());
            throw e;
        }
        String id = jobs.start(JOB_KIND, admin.actor(), progress -> {
            try (photos) {
                ImportSummary summary = run(checked, photos, progress);
                audit.record(admin, "ROSTER_IMPORT", null, null, "job=" + progress.id() + " rows=" + summary.rows()
                        + " imported=" + summary.imported() + " updated=" + summary.updated()
                        + " rejected=" + summary.errors() + " photos=" + summary.photos());
            } finally {
                FileSystemUtils.deleteRecursively(workFolder.toFile());
            }
        });
        return jobs.get(id);
    }

    /** Runs the import on the calling thread, inside a job that reports progress. */
    public ImportSummary run(CheckedFile file, ReferencePhotos photos, Jobs.Progress progress) throws IOException {
        long started = System.nanoTime();
        jdbc.sql("insert into roster_import (job_id, file_name) values (?, ?)")
                .params(progress.id(), truncate(file.fileName())).update();
        progress.total(file.inspection().estimatedRows());
        RosterPipeline.Counts counts;
        Path reportFile;
        try (ErrorReport report = new ErrorReport()) {
            RosterPipeline pipeline = new RosterPipeline(writer, settings.candidateNumberPattern(), passwords, decoder,
                    photos, photos != ReferencePhotos.NONE, report::add);
            counts = pipeline.run(file.path(), file.inspection(), progress::done);
            reportFile = report.finish();
        }
        String reportKey = null;
        try {
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
