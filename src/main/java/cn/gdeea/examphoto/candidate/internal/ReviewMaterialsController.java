package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.review.MaterialKind;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

@Tag(name = "candidate review", description = "人工审核资料")
@RestController
@RequestMapping("/api/candidate/review")
class ReviewMaterialsController {

    private final ReviewMaterials materials;

    ReviewMaterialsController(ReviewMaterials materials) {
        this.materials = materials;
    }

    @Operation(summary = "The candidate's manual review: status, reason, rejection reason, materials present")
    @GetMapping
    ReviewMaterials.ReviewStatus status(@AuthenticationPrincipal AuthenticatedUser user) {
        return materials.status(user.id());
    }

    @Operation(summary = "Uploads one material: PORTRAIT, ID_PORTRAIT, ID_EMBLEM or DOCUMENT_PAGE (by document type), HAND_HELD")
    @PostMapping(path = "/materials/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ReviewMaterials.MaterialResult upload(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String kind,
                                          @RequestParam("file") MultipartFile file,
                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        MaterialKind k = MaterialKind.parse(kind).orElseThrow(() -> ApiException.notFound("资料类型"));
        return materials.upload(user.id(), k, file, key);
    }

    @Operation(summary = "The photo of one material on the candidate's own open case (404 when there is none)")
    @GetMapping("/materials/{kind}/photo")
    ResponseEntity<byte[]> photo(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String kind) {
        MaterialKind k = MaterialKind.parse(kind).orElseThrow(() -> ApiException.notFound("资料类型"));
        var photo = materials.materialPhoto(user.id(), k);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(materials.bytes(photo));
    }

    @Operation(summary = "Sends the complete materials for review (审核中)")
    @PostMapping("/submit")
    ReviewMaterials.ReviewStatus submit(@AuthenticationPrincipal AuthenticatedUser user,
                                        @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return materials.submit(user.id(), key);
    }

    @Operation(summary = "Chooses manual review at once (names with rare characters)")
    @PostMapping("/request")
    ReviewMaterials.ReviewStatus request(@AuthenticationPrincipal AuthenticatedUser user) {
        return materials.request(user.id());
    }
}
