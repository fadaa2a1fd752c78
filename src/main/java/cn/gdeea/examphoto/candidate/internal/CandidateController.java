package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.candidate.CandidateState;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.storage.PhotoRecords;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "candidate", description = "考生照片采集与人证核验")
@RestController
@RequestMapping("/api/candidate")
class CandidateController {

    private final Profile profile;
    private final Uploads uploads;
    private final Verifications verifications;
    private final Collection collection;
    private final Idempotency idempotency;

    CandidateController(Profile profile, Uploads uploads, Verifications verifications, Collection collection,
                        Idempotency idempotency) {
        this.idempotency = idempotency;
        this.profile = profile;
        this.uploads = uploads;
        this.verifications = verifications;
        this.collection = collection;
    }

    @Operation(summary = "The candidate, their state, attempts, route and review")
    @GetMapping("/me")
    Profile.Me me(@AuthenticationPrincipal AuthenticatedUser user) {
        return profile.me(user.id());
    }

    @Operation(summary = "Uploads a photo and runs the photo checks (no attempt used)")
    @PostMapping(path = "/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Uploads.UploadResult upload(@AuthenticationPrincipal AuthenticatedUser user, @RequestParam("file") MultipartFile file,
                                @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return uploads.upload(user.id(), file, key);
    }

    @Operation(summary = "Verifies a checked submission (人证核验), at most once; only a non-match uses an attempt")
    @PostMapping("/submissions/{id}/verification")
    Verifications.AttemptResult verify(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id,
                                       @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.once(user.id(), key, "verify:" + id, Verifications.AttemptResult.class,
                () -> verifications.verify(user.id(), id));
    }

    @Operation(summary = "确认无误并提交: collects the verified submission")
    @PostMapping("/submissions/{id}/confirmation")
    Confirmation confirm(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id,
                         @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.once(user.id(), key, "confirm:" + id, Confirmation.class,
                () -> new Confirmation(collection.confirm(user.id(), id), id, "/api/candidate/photo",
                        "/api/candidate/photo/standard"));
    }

    @Operation(summary = "The collected photo as received")
    @GetMapping("/photo")
    ResponseEntity<byte[]> collectedPhoto(@AuthenticationPrincipal AuthenticatedUser user) {
        return serve(collection.collected(user.id(), false));
    }

    @Operation(summary = "The collected standard photo (480×640)")
    @GetMapping("/photo/standard")
    ResponseEntity<byte[]> collectedStandard(@AuthenticationPrincipal AuthenticatedUser user) {
        return serve(collection.collected(user.id(), true));
    }

    @Operation(summary = "The candidate's own uploaded photo")
    @GetMapping("/submissions/{id}/photo")
    ResponseEntity<byte[]> submissionPhoto(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id) {
        return serve(collection.submissionPhoto(user.id(), id, false));
    }

    @Operation(summary = "The standard photo made from the candidate's own upload")
    @GetMapping("/submissions/{id}/photo/standard")
    ResponseEntity<byte[]> submissionStandard(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id) {
        return serve(collection.submissionPhoto(user.id(), id, true));
    }

    @Operation(summary = "Failed verification attempts (不通过) with reasons and photos")
    @GetMapping("/attempts")
    List<Collection.FailedAttempt> attempts(@AuthenticationPrincipal AuthenticatedUser user) {
        return collection.failedAttempts(user.id());
    }

    private ResponseEntity<byte[]> serve(PhotoRecords.StoredPhoto photo) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(collection.bytes(photo));
    }

    record Confirmation(CandidateState state, long submissionId, String photoUrl, String standardPhotoUrl) {
    }
}
