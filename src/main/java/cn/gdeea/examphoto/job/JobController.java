package cn.gdeea.examphoto.job;

import cn.gdeea.examphoto.storage.PhotoStorage;
import cn.gdeea.examphoto.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any background job's progress, and its report, for admins. */
@RestController
@RequestMapping("/api/admin/jobs")
@Tag(name = "jobs", description = "后台任务 Background jobs")
class JobController {

    private final Jobs jobs;
    private final PhotoStorage storage;

    JobController(Jobs jobs, PhotoStorage storage) {
        this.jobs = jobs;
        this.storage = storage;
    }

    @GetMapping("/{id}")
    @Operation(summary = "A job's status and progress")
    Jobs.JobStatus job(@PathVariable String id) {
        return jobs.get(id);
    }

    @GetMapping("/{id}/report")
    @Operation(summary = "Download a job's report (a roster import's row errors, CSV)")
    ResponseEntity<InputStreamResource> report(@PathVariable String id) {
        Jobs.JobStatus job = jobs.get(id);
        if (job.reportKey() == null) {
            throw ApiException.notFound("任务报告 job report");
        }
        InputStream in = storage.open(job.reportKey()).orElseThrow(() -> ApiException.notFound("任务报告 job report"));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(job.kind().toLowerCase() + "-" + id + "-errors.csv").build().toString())
                .body(new InputStreamResource(in));
    }
}
