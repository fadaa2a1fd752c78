package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.candidate.CandidateState;
import cn.gdeea.examphoto.identity.DocumentType;
import cn.gdeea.examphoto.identity.IdNumber;
import cn.gdeea.examphoto.settings.SettingsService;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What the candidate's app shows about them ({@code GET /api/candidate/me}). */
@Service
class Profile {

    private final Candidates candidates;
    private final ReviewCases cases;
    private final ManualRouting routing;
    private final SettingsService settings;
    private final JdbcClient jdbc;

    Profile(Candidates candidates, ReviewCases cases, ManualRouting routing, SettingsService settings, JdbcClient jdbc) {
        this.candidates = candidates;
        this.cases = cases;
        this.routing = routing;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    /** The candidate, routed to manual review first when their document or reference rules out automatic verification. */
    CandidateRow current(long candidateId) {
        CandidateRow c = candidates.require(candidateId);
        return routing.ensure(c) ? candidates.require(candidateId) : c;
    }

    Me me(long candidateId) {
        CandidateRow c = current(candidateId);
        int limit = settings.attemptLimit();
        var point = jdbc.sql("select name, phone from registration_point where code = ?").param(c.pointCode())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                .orElse(new String[] {"", ""});
        var review = cases.latest(c.id());
        DocumentType type = c.documentType().orElse(null);
        boolean automatic = c.verifiableDocument() && c.referencePhotoId() != null;
        String route = review.map(r -> "MANUAL_" + r.reason())
                .orElse(!automatic ? (c.verifiableDocument() ? "MANUAL_NO_REFERENCE" : "MANUAL_NON_ID_DOCUMENT")
                        : c.rareName() ? "RARE_NAME_WARNING" : "AUTOMATIC");
        boolean collected = c.state() == CandidateState.COLLECTED;
        return new Me(c.candidateNumber(), c.name(), type == null ? c.documentTypeRaw() : type.name(),
                type == null ? c.documentTypeRaw() : type.labelZh(), IdNumber.mask(c.documentNumber()),
                c.state(), c.attemptsUsed(), Math.max(0, limit - c.attemptsUsed()), limit, point[0], point[1], c.city(),
                c.rareName(), c.rareName() ? RARE_NAME_WARNING_ZH : null, c.rareName() ? RARE_NAME_WARNING_EN : null,
                automatic, route, collected,
                collected ? "/api/candidate/photo" : null, collected ? "/api/candidate/photo/standard" : null,
                review.map(r -> new Review(r.id(), r.status(), r.reason(), r.rejectionReason(), r.submittedAt(),
                        r.decidedAt())).orElse(null));
    }

    static final String RARE_NAME_WARNING_ZH = "您的姓名含生僻字，人证核验很可能无法通过，建议直接申请人工审核。";
    static final String RARE_NAME_WARNING_EN =
            "Your name contains rare characters; automatic verification will likely fail. We suggest manual review.";

    /** The candidate as their app sees them; the document number is masked. */
    record Me(String candidateNumber, String name, String documentType, String documentTypeLabel,
              String documentNumberMasked, CandidateState state, int attemptsUsed, int attemptsLeft, int attemptLimit,
              String pointName, String pointPhone, String city, boolean rareName, String rareNameWarning,
              String rareNameWarningEn, boolean automaticVerification, String route, boolean collected,
              String photoUrl, String standardPhotoUrl, Review review) {
    }

    /** The latest manual-review case. */
    record Review(long id, String status, String reason, String rejectionReason, OffsetDateTime submittedAt,
                  OffsetDateTime decidedAt) {
    }

    static List<String> materialsPresent(ReviewCases.ReviewCase c) {
        List<String> present = new java.util.ArrayList<>();
        if (c.submissionId() != null) {
            present.add(MaterialKind.PORTRAIT.name());
        }
        if (c.idPortraitPhotoId() != null) {
            present.add(MaterialKind.ID_PORTRAIT.name());
        }
        if (c.idEmblemPhotoId() != null) {
            present.add(MaterialKind.ID_EMBLEM.name());
        }
        if (c.handHeldPhotoId() != null) {
            present.add(MaterialKind.HAND_HELD.name());
        }
        return present;
    }
}
