package cn.gdeea.examphoto.staff;

import cn.gdeea.examphoto.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "candidate-record", description = "Candidate record, corrections and attempt resets (staff)")
@RestController
@RequestMapping("/api/staff/candidates")
class CandidateRecordController {

    private final CandidateRecords records;
    private final CandidateCorrections corrections;

    CandidateRecordController(CandidateRecords records, CandidateCorrections corrections) {
        this.records = records;
        this.corrections = corrections;
    }

    @Operation(summary = "Search by candidate number or name within the caller's points")
    @GetMapping
    CandidateRecords.Page search(@AuthenticationPrincipal AuthenticatedUser user,
                                 @RequestParam(required = false) String q,
                                 @RequestParam(required = false) String point,
                                 @RequestParam(required = false) String state,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size) {
        return records.search(user, q, point, state, page, size);
    }

    @Operation(summary = "One candidate's record")
    @GetMapping("/{id}")
    CandidateRecords.Record get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id) {
        return records.get(user, id);
    }

    @Operation(summary = "The full document number, shown on request (audited)")
    @PostMapping("/{id}/document-number/reveal")
    CandidateRecords.Revealed reveal(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id) {
        return records.revealDocumentNumber(user, id);
    }

    @Operation(summary = "Correct name and/or document number (reason required, audited)")
    @PatchMapping("/{id}")
    CandidateRecords.Record correct(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id,
                                    @RequestBody CandidateCorrections.Correction change) {
        corrections.correct(user, id, change);
        return records.get(user, id);
    }

    @Operation(summary = "Reset the verification attempts (reason required, audited)")
    @PostMapping("/{id}/attempt-reset")
    CandidateRecords.Record resetAttempts(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id,
                                          @RequestBody Reason body) {
        corrections.resetAttempts(user, id, body.reason());
        return records.get(user, id);
    }

    @Operation(summary = "Replace the reference photo (must show a face)")
    @PutMapping(path = "/{id}/reference-photo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CandidateCorrections.ReferenceResult referencePhoto(@AuthenticationPrincipal AuthenticatedUser user,
                                                        @PathVariable long id,
                                                        @RequestPart("file") MultipartFile file) throws IOException {
        return corrections.replaceReference(user, id, file.getBytes(), file.getOriginalFilename());
    }

    record Reason(String reason) {
    }
}
