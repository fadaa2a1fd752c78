package cn.gdeea.examphoto.staff;

import cn.gdeea.examphoto.audit.AuditLog;
import cn.gdeea.examphoto.candidate.CandidateState;
import cn.gdeea.examphoto.candidate.DocumentType;
import cn.gdeea.examphoto.candidate.IdNumber;
import cn.gdeea.examphoto.candidate.RareCharacters;
import cn.gdeea.examphoto.candidate.StateTransitions;
import cn.gdeea.examphoto.image.DecodedImage;
import cn.gdeea.examphoto.image.ImageDecoder;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.storage.PhotoKind;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.verification.DescriptorCodec;
import cn.gdeea.examphoto.verification.EmbeddedFaceVerifier;
import cn.gdeea.examphoto.web.ApiError;
import cn.gdeea.examphoto.web.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections a registration point makes on a candidate's request (更正): name and document
 * number, an attempt reset, a new reference photo. Each is audited with old and new values (the
 * document number masked) and recorded as a candidate event.
 */
@Service
public class CandidateCorrections {

    /** review_case.reason when verification attempts ran out (set by the candidate journey). */
    public static final String REASON_ATTEMPTS_EXHAUSTED = "ATTEMPTS_EXHAUSTED";
    /** review_case.reason when the candidate has no reference photo to verify against. */
    public static final String REASON_NO_REFERENCE = "NO_REFERENCE";

    private static final java.util.regex.Pattern ID_LIKE = java.util.regex.Pattern.compile("\\d{14,17}[\\dXx]");

    private final JdbcClient jdbc;
    private final StaffScope scope;
    private final StateTransitions transitions;
    private final AuditLog audit;
    private final ImageDecoder decoder;
    private final EmbeddedFaceVerifier faces;
    private final PhotoRecords photos;

    public CandidateCorrections(JdbcClient jdbc, StaffScope scope, StateTransitions transitions, AuditLog audit,
                                ImageDecoder decoder, EmbeddedFaceVerifier faces, PhotoRecords photos) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.transitions = transitions;
        this.audit = audit;
        this.decoder = decoder;
        this.faces = faces;
        this.photos = photos;
    }

    @Transactional
    public void correct(AuthenticatedUser user, long candidateId, Correction change) {
        String reason = requireReason(change.reason());
        String point = scope.requireCandidate(user, candidateId);
        Current current = current(candidateId);
        List<ApiError.Detail> problems = new ArrayList<>();
        String name = change.name() == null ? null : change.name().strip();
        if (name != null && (name.isEmpty() || name.length() > 100)) {
            problems.add(new ApiError.Detail("name", "姓名不能为空（100字以内）"));
        }
        String number = change.documentNumber() == null ? null : new IdNumber(change.documentNumber()).value();
        if (number != null) {
            boolean idCard = DocumentType.parse(current.documentType()).map(t -> t == DocumentType.ID_CARD).orElse(false);
            if (number.isEmpty() || number.length() > 40) {
                problems.add(new ApiError.Detail("documentNumber", "证件号码不能为空"));
            } else if (idCard && !new IdNumber(number).isValidResidentId()) {
                problems.add(new ApiError.Detail("documentNumber", "居民身份证号码无效（校验位不符）"));
            }
        }
        if (name == null && number == null) {
            problems.add(new ApiError.Detail("name", "请填写要更正的姓名或证件号码"));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", "请求内容有误", "The request is invalid", problems);
        }
        List<String> changed = new ArrayList<>();
        if (name != null && !name.equals(current.name())) {
            jdbc.sql("update candidate set name = ?, rare_name = ?, updated_at = ? where id = ?")
                    .params(name, RareCharacters.containsRare(name), now(), candidateId).update();
            changed.add("name: " + current.name() + " -> " + name);
        }
        if (number != null && !number.equals(current.documentNumber())) {
            jdbc.sql("update candidate set document_number = ?, updated_at = ? where id = ?")
                    .params(number, now(), candidateId).update();
            changed.add("documentNumber: " + IdNumber.mask(current.documentNumber()) + " -> " + IdNumber.mask(number));
        }
        if (changed.isEmpty()) {
            return;
        }
        String detail = String.join("; ", changed) + "; reason=" + reason;
        transitions.record(candidateId, current.state(), current.state(), user.actor(), clip("更正 / correction: " + detail));
        audit.record(user, "candidate.correct", candidateId, point, clip(detail));
    }

    /**
     * Sets attempts_used to 0. A candidate sent to manual review only because the attempts ran out,
     * who has not sent materials yet, goes back to automatic verification: the waiting case is
     * cancelled and they start again from NOT_STARTED.
     */
    @Transactional
    public void resetAttempts(AuthenticatedUser user, long candidateId, String reasonText) {
        String reason = requireReason(reasonText);
        String point = scope.requireCandidate(user, candidateId);
        Current current = current(candidateId);
        jdbc.sql("update candidate set attempts_used = 0, updated_at = ? where id = ?").params(now(), candidateId).update();
        String detail = "attemptsUsed: " + current.attemptsUsed() + " -> 0; reason=" + reason;
        boolean reopened = current.state() == CandidateState.MANUAL_REQUIRED
                && backToAutomatic(user, candidateId, REASON_ATTEMPTS_EXHAUSTED, "重置核验次数 / attempts reset: " + reason);
        if (!reopened) {
            transitions.record(candidateId, current.state(), current.state(), user.actor(), clip("重置核验次数 / attempts reset: " + reason));
        } else {
            detail += "; state: MANUAL_REQUIRED -> NOT_STARTED";
        }
        audit.record(user, "candidate.attempt_reset", candidateId, point, clip(detail));
    }

    /**
     * Replaces the reference photo (e.g. the ID-card chip photo was missing). It must show a face;
     * its descriptor becomes the reference for verification. A candidate routed to manual review
     * only because there was no reference, and who has not sent materials yet, goes back to
     * automatic verification, since the one reason for the manual route is gone.
     */
    @Transactional
    public ReferenceResult replaceReference(AuthenticatedUser user, long candidateId, byte[] bytes, String fileName) {
        String point = scope.requireCandidate(user, candidateId);
        DecodedImage decoded = decoder.decode(bytes, fileName);
        float[] descriptor = faces.describeLargestFace(decoded.image()).orElseThrow(() -> new ApiException(
                HttpStatus.UNPROCESSABLE_ENTITY, "reference.no_face", "照片中未检测到人脸，请更换清晰的正面照片",
                "No face found in the photo; use a clear frontal photo"));
        Current current = current(candidateId);
        String contentType = "png".equals(decoded.format()) ? "image/png" : "image/jpeg";
        long photoId = photos.store(candidateId, PhotoKind.REFERENCE, bytes, contentType,
                decoded.image().width(), decoded.image().height());
        jdbc.sql("""
                update candidate set reference_photo_id = ?, reference_descriptor = ?, reference_descriptor_model = ?,
                       updated_at = ? where id = ?""")
                .params(photoId, DescriptorCodec.toBytes(descriptor), faces.modelId(), now(), candidateId).update();
        boolean reopened = current.state() == CandidateState.MANUAL_REQUIRED
                && backToAutomatic(user, candidateId, REASON_NO_REFERENCE, "更换参考照片 / reference photo replaced");
        if (!reopened) {
            transitions.record(candidateId, current.state(), current.state(), user.actor(), "更换参考照片 / reference photo replaced");
        }
        audit.record(user, "candidate.reference_photo", candidateId, point,
                "photo=" + photoId + (current.referencePhotoId() == null ? "" : "; previous=" + current.referencePhotoId())
                        + (reopened ? "; state: MANUAL_REQUIRED -> NOT_STARTED" : ""));
        return new ReferenceResult(photoId, "/api/staff/photos/" + photoId, reopened);
    }

    /** Cancels the candidate's case waiting for materials with that reason and returns them to NOT_STARTED. */
    private boolean backToAutomatic(AuthenticatedUser user, long candidateId, String caseReason, String detail) {
        int cancelled = jdbc.sql("""
                update review_case set status = 'CANCELLED', decided_by = ?, decided_at = ?
                where candidate_id = ? and status = 'AWAITING_MATERIALS' and reason = ?""")
                .params(user.id(), now(), candidateId, caseReason).update();
        if (cancelled == 0) {
            return false;
        }
        return transitions.move(candidateId, Set.of(CandidateState.MANUAL_REQUIRED), CandidateState.NOT_STARTED,
                user.actor(), clip(detail));
    }

    private Current current(long candidateId) {
        return jdbc.sql("select name, document_type, document_number, state, attempts_used, reference_photo_id from candidate where id = ?")
                .param(candidateId)
                .query((rs, n) -> new Current(rs.getString(1), rs.getString(2), rs.getString(3),
                        CandidateState.valueOf(rs.getString(4)), rs.getInt(5), (Long) rs.getObject(6)))
                .single();
    }

    private static String requireReason(String reason) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty() || r.length() > 300) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", "请填写原因（300字以内）",
                    "A reason (up to 300 characters) is required", List.of(new ApiError.Detail("reason", "必填")));
        }
        return r;
    }

    /** Short enough for the event row, and any ID-like number a reviewer typed into a reason masked. */
    private static String clip(String s) {
        String safe = ID_LIKE.matcher(s).replaceAll(m -> IdNumber.mask(m.group()));
        return safe.length() <= 500 ? safe : safe.substring(0, 499) + "…";
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private record Current(String name, String documentType, String documentNumber, CandidateState state,
                           int attemptsUsed, Long referencePhotoId) {
    }

    /** Name and/or document number to correct, and why (required). */
    public record Correction(String name, String documentNumber, String reason) {
    }

    /** The new reference photo and whether the candidate went back to automatic verification. */
    public record ReferenceResult(long photoId, String url, boolean backToAutomaticVerification) {
    }
}
