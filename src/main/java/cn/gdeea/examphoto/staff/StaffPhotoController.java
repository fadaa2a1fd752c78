package cn.gdeea.examphoto.staff;

import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves a candidate's photo to staff of the candidate's registration point, never cached. */
@Tag(name = "staff-photos", description = "Candidate photos for staff")
@RestController
class StaffPhotoController {

    private final PhotoRecords photos;
    private final StaffScope scope;

    StaffPhotoController(PhotoRecords photos, StaffScope scope) {
        this.photos = photos;
        this.scope = scope;
    }

    @Operation(summary = "A photo's bytes, if its candidate is in the caller's points")
    @GetMapping("/api/staff/photos/{photoId}")
    ResponseEntity<byte[]> photo(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long photoId) {
        // A photo that does not exist, one of another point and one whose file is gone get the same
        // answer, so that a reviewer learns nothing about candidates outside their points.
        PhotoRecords.StoredPhoto photo = photos.find(photoId)
                .filter(p -> scope.pointInScope(user, p.candidateId()).isPresent())
                .orElseThrow(() -> ApiException.notFound("照片"));
        byte[] bytes = photos.bytes(photo).orElseThrow(() -> ApiException.notFound("照片"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(bytes);
    }
}
