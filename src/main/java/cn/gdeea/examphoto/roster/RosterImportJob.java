package cn.gdeea.examphoto.roster;

import cn.gdeea.examphoto.audit.AuditLog;
import cn.gdeea.examphoto.job.JobHandler;
import cn.gdeea.examphoto.job.Jobs;
import cn.gdeea.examphoto.job.WorkFiles;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.storage.PhotoKeys;
import cn.gdeea.examphoto.storage.PhotoStorage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Runs a queued roster import on the node that claims it: copies the stored roster (and photo
 * archive) from {@code imports/<jobId>/} into this node's work folder, imports it from the job's
 * checkpoint on, and deletes the stored copies when the job ends either way (they hold full ID
 * numbers). A node that loses the job, or stops, leaves them for the node that resumes it.
 */
@Component
class RosterImportJob implements JobHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RosterImports imports;
    private final PhotoStorage storage;
    private final WorkFiles work;
    private final AuditLog audit;

    RosterImportJob(RosterImports imports, PhotoStorage storage, WorkFiles work, AuditLog audit) {
        this.imports = imports;
        this.storage = storage;
        this.work = work;
        this.audit = audit;
    }

    static String rosterKey(String jobId) {
        return PhotoKeys.IMPORTS + jobId + "/roster";
    }

    static String photosKey(String jobId) {
        return PhotoKeys.IMPORTS + jobId + "/photos.zip";
    }

    static void deleteInputs(PhotoStorage storage, String jobId) {
        storage.delete(rosterKey(jobId));
        storage.delete(photosKey(jobId));
    }

    static String params(String fileName, boolean photos, AuthenticatedUser admin) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("fileName", fileName == null ? "roster" : fileName);
        p.put("photos", photos);
        p.put("actorId", admin.id());
        p.put("actorName", admin.name());
        try {
            return JSON.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String kind() {
        return RosterImports.JOB_KIND;
    }

    @Override
    public void run(Jobs.Progress progress) throws Exception {
        Map<?, ?> p = JSON.readValue(progress.params(), Map.class);
        String fileName = (String) p.get("fileName");
        AuthenticatedUser admin = new AuthenticatedUser(AuthenticatedUser.Kind.STAFF,
                ((Number) p.get("actorId")).longValue(), (String) p.get("actorName"), AuthenticatedUser.Role.ADMIN, Set.of());
        Path folder = work.newFolder("roster-import-");
        boolean handedOver = false;
        try {
            Path roster = fetch(rosterKey(progress.id()), folder.resolve("roster"));
            Path photoArchive = Boolean.TRUE.equals(p.get("photos"))
                    ? fetch(photosKey(progress.id()), folder.resolve("photos.zip")) : null;
            RosterImports.CheckedFile checked = imports.check(roster, fileName);
            try (ReferencePhotos photos = imports.openPhotos(photoArchive)) {
                ImportSummary summary = imports.run(checked, photos, progress);
                audit.record(admin, "ROSTER_IMPORT", null, null, "job=" + progress.id() + " rows=" + summary.rows()
                        + " imported=" + summary.imported() + " updated=" + summary.updated()
                        + " rejected=" + summary.errors() + " photos=" + summary.photos()
                        + (progress.attempt() > 1 ? " attempt=" + progress.attempt() : ""));
            }
        } catch (Jobs.LeaseLostException e) {
            handedOver = true;
            throw e;
        } catch (Exception e) {
            handedOver = Thread.currentThread().isInterrupted();
            throw e;
        } finally {
            FileSystemUtils.deleteRecursively(folder);
            if (!handedOver) {
                deleteInputs(storage, progress.id());
            }
        }
    }

    private Path fetch(String key, Path target) throws IOException {
        try (InputStream in = storage.open(key).orElseThrow(() -> new IllegalStateException("roster input missing"))) {
            Files.copy(in, target);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return target;
    }
}
