package cn.gdeea.examphoto.staff;

import cn.gdeea.examphoto.audit.AuditLog;
import cn.gdeea.examphoto.candidate.CandidateAdministration;
import cn.gdeea.examphoto.identity.DocumentType;
import cn.gdeea.examphoto.identity.IdNumber;
import cn.gdeea.examphoto.csv.SpreadsheetCells;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.web.ApiError;
import cn.gdeea.examphoto.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections a registration point makes on a candidate's request (更正): name and document
 * number, an attempt reset, a new reference photo. Each is audited with old and new values (the
 * document number masked); the candidate module makes each change as its journey allows.
 */
@Service
public class CandidateCorrections {

    private static final java.util.regex.Pattern ID_LIKE = java.util.regex.Pattern.compile("\\d{14,17}[\\dXx]");

    private final JdbcClient jdbc;
    private final StaffScope scope;
    private final CandidateAdministration candidates;
    private final AuditLog audit;

    public CandidateCorrections(JdbcClient jdbc, StaffScope scope, CandidateAdministration candidates, AuditLog audit) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.candidates = candidates;
        this.audit = audit;
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
        } else if (SpreadsheetCells.looksLikeFormula(name)) {
            problems.add(new ApiError.Detail("name", "姓名不能以 = + - @ 开头"));
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
        boolean newName = name != null && !name.equals(current.name());
        boolean newNumber = number != null && !number.equals(current.documentNumber());
        if (newName) {
            changed.add("name: " + current.name() + " -> " + name);
        }
        if (newNumber) {
            changed.add("documentNumber: " + IdNumber.mask(current.documentNumber()) + " -> " + IdNumber.mask(number));
        }
        if (changed.isEmpty()) {
            return;
        }
        String detail = clip(String.join("; ", changed) + "; reason=" + reason);
        candidates.correctIdentity(candidateId, newName ? name : null, newNumber ? number : null, user.actor(), detail);
        audit.record(user, "candidate.correct", candidateId, point, detail);
    }

    /**
     * Sets attempts_used to 0. A candidate sent to manual review only because the attempts ran out,
     * who has not sent materials yet, goes back to automatic verification.
     */
    @Transactional
    public void resetAttempts(AuthenticatedUser user, long candidateId, String reasonText) {
        String reason = requireReason(reasonText);
        String point = scope.requireCandidate(user, candidateId);
        var reset = candidates.resetAttempts(candidateId, user.actor(), user.id(), clip(reason));
        String detail = "attemptsUsed: " + reset.attemptsBefore() + " -> 0; reason=" + reason
                + (reset.backToAutomatic() ? "; state: MANUAL_REQUIRED -> NOT_STARTED" : "");
        audit.record(user, "candidate.attempt_reset", candidateId, point, clip(detail));
    }

    /**
     * Replaces the reference photo (e.g. the ID-card chip photo was missing). It must show a face;
     * a candidate routed to manual review only for want of a reference, who has not sent materials
     * yet, goes back to automatic verification. The image work runs before any transaction opens.
     */
    public ReferenceResult replaceReference(AuthenticatedUser user, long candidateId, byte[] bytes, String fileName) {
        String point = scope.requireCandidate(user, candidateId);
        Long previous = current(candidateId).referencePhotoId();
        var change = candidates.replaceReference(candidateId, bytes, fileName, user.actor(), user.id());
        audit.record(user, "candidate.reference_photo", candidateId, point,
                "photo=" + change.photoId() + (previous == null ? "" : "; previous=" + previous)
                        + (change.backToAutomatic() ? "; state: MANUAL_REQUIRED -> NOT_STARTED" : ""));
        return new ReferenceResult(change.photoId(), "/api/staff/photos/" + change.photoId(), change.backToAutomatic());
    }

    private Current current(long candidateId) {
        return jdbc.sql("select name, document_type, document_number, reference_photo_id from candidate where id = ?")
                .param(candidateId)
                .query((rs, n) -> new Current(rs.getString(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4)))
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

    private record Current(String name, String documentType, String documentNumber, Long referencePhotoId) {
    }

    /** Name and/or document number to correct, and why (required). */
    public record Correction(String name, String documentNumber, String reason) {
    }

    /** The new reference photo and whether the candidate went back to automatic verification. */
    public record ReferenceResult(long photoId, String url, boolean backToAutomaticVerification) {
    }
}
