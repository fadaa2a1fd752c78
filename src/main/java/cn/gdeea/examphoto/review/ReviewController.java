package cn.gdeea.examphoto.review;

import cn.gdeea.examphoto.security.AuthenticatedUser;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "review", description = "Manual-review queue, claims and decisions (人工审核)")
@RestController
@RequestMapping("/api/staff/review-cases")
class ReviewController {

    private final ReviewQueue queue;
    private final ReviewCaseDetails details;
    private final ReviewDecisions decisions;

    ReviewController(ReviewQueue queue, ReviewCaseDetails details, ReviewDecisions decisions) {
        this.queue = queue;
        this.details = details;
        this.decisions = decisions;
    }

    @Operation(summary = "The review queue of the caller's points, oldest submission first")
    @GetMapping
    ReviewQueue.Page queue(@AuthenticationPrincipal AuthenticatedUser user,
                           @RequestParam(defaultValue = "PENDING") String status,
                           @RequestParam(required = false) String point,
                           @RequestParam(required = false) String city,
                           @RequestParam(required = false) String documentType,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(required = false) String q,
                           @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "20") int size) {
        return queue.page(user, status, point, city, new ReviewQueue.Filter(documentType, from, to, q), page, size);
    }

    @Operation(summary = "How many cases of the caller's points are in each status")
    @GetMapping("/counts")
    Map<String, Long> counts(@AuthenticationPrincipal AuthenticatedUser user,
                             @RequestParam(required = false) String point) {
        return queue.counts(user, point);
    }

    @Operation(summary = "One case with every photo, the attempts and the history")
    @GetMapping("/{id}")
    ReviewCaseDetails.Detail get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id) {
        return details.get(user, id);
    }

    @Operation(summary = "Claim the case for the configured minutes")
    @PostMapping("/{id}/claim")
    ReviewDecisions.ClaimView claim(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id) {
        return decisions.claim(user, id);
    }

    @Operation(summary = "Release the caller's claim")
    @DeleteMapping("/{id}/claim")
    ResponseEntity<Void> release(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id) {
        decisions.release(user, id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Approve: the portrait is collected")
    @PostMapping("/{id}/approve")
    ReviewCaseDetails.Detail approve(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id) {
        decisions.approve(user, id);
        return details.get(user, id);
    }

    @Operation(summary = "Reject with a reason the candidate sees; they may resubmit")
    @PostMapping("/{id}/reject")
    ReviewCaseDetails.Detail reject(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id,
                                    @RequestBody Rejection body) {
        decisions.reject(user, id, body.reason(), body.materials());
        return details.get(user, id);
    }

    record Rejection(String reason, java.util.List<String> materials) {
    }
}
