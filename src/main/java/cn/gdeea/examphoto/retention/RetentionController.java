package cn.gdeea.examphoto.retention;

import cn.gdeea.examphoto.audit.AuditLog;
import cn.gdeea.examphoto.job.Jobs;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The admin's purge of biometric data after the exam season (数据保留). */
@RestController
@RequestMapping("/api/admin/retention")
@Tag(name = "retention", description = "Purge of photos and face descriptors after the retention period")
class RetentionController {

    /** Dates are days in China, where the exam authority works. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final RetentionPurge purge;
    private final Jobs jobs;
    private final AuditLog audit;

    RetentionController(RetentionPurge purge, Jobs jobs, AuditLog audit) {
        this.purge = purge;
        this.jobs = jobs;
        this.audit = audit;
    }

    /** @param before purge candidates with no photo or submission on or after this day; {@code confirm} must be true */
    record PurgeRequest(LocalDate before, Boolean confirm) {
    }

    @PostMapping("/purge")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Delete the photos and face descriptors of candidates idle since before a day (runs as a job)")
    Jobs.JobStatus purge(@RequestBody PurgeRequest request, @AuthenticationPrincipal AuthenticatedUser user) {
        if (request.confirm() == null || !request.confirm()) {
            throw ApiException.badRequest("retention.confirm_required", "清除生物特征数据不可恢复，请确认（confirm: true）",
                    "Purging biometric data cannot be undone: send confirm: true");
        }
        if (request.before() == null || request.before().isAfter(LocalDate.now(CHINA))) {
            throw ApiException.badRequest("retention.before_invalid", "请提供不晚于今天的截止日期（before）",
                    "Give a cutoff day (before) no later than today");
        }
        audit.record(user, "retention.purge.start", null, null, "before=" + request.before());
        String id = purge.start(request.before().atStartOfDay(CHINA).toInstant(), user);
        return jobs.get(id);
    }

    @GetMapping("/purge/{jobId}")
    @Operation(summary = "A purge job's progress")
    Jobs.JobStatus status(@PathVariable String jobId) {
        Jobs.JobStatus job = jobs.get(jobId);
        if (!RetentionPurge.JOB_KIND.equals(job.kind())) {
            throw ApiException.notFound("任务 job");
        }
        return job;
    }
}
