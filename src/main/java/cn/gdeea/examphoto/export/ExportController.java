package cn.gdeea.examphoto.export;

import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin's photo export (照片导出): start, follow, download. */
@RestController
@RequestMapping("/api/admin/exports")
@Tag(name = "export", description = "Collected standard photos per registration point, as ZIP archives with a manifest")
class ExportController {

    private final PhotoExport exports;

    ExportController(PhotoExport exports) {
        this.exports = exports;
    }

    /** @param pointCode one registration point, or null for the whole province */
    record ExportRequest(String pointCode) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start an export of one registration point or of the whole province")
    ResponseEntity<ExportJob> start(@RequestBody ExportRequest request, @AuthenticationPrincipal AuthenticatedUser user) {
        String point = request.pointCode() == null || request.pointCode().isBlank() ? null : request.pointCode().trim();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(exports.start(point, user));
    }

    @GetMapping
    @Operation(summary = "The 20 most recent exports")
    List<ExportJob> recent() {
        return exports.recent(20);
    }

    @GetMapping("/{jobId}")
    @Operation(summary = "An export's progress and finished archives")
    ExportJob get(@PathVariable String jobId) {
        return exports.find(jobId).orElseThrow(() -> ApiException.notFound("导出任务 export job"));
    }

    @GetMapping("/{jobId}/files/{pointCode}.zip")
    @Operation(summary = "Download one registration point's archive")
    ResponseEntity<Resource> download(@PathVariable String jobId, @PathVariable String pointCode,
                                                   @AuthenticationPrincipal AuthenticatedUser user) {
        PhotoExport.Download download = exports.open(jobId, pointCode, user);
        // Streamed on the request thread (the resource converter copies and closes the stream): an
        // asynchronous body would lose the stateless security context on its second dispatch.
        Resource body = new InputStreamResource(download.content());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .contentLength(download.file().bytes())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(download.file().name()).build().toString())
                .body(body);
    }
}
