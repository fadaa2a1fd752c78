package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.candidate.CandidateState;
import cn.gdeea.examphoto.candidate.Journey;
import cn.gdeea.examphoto.identity.DocumentType;
import cn.gdeea.examphoto.identity.IdNumber;
import cn.gdeea.examphoto.settings.SettingsService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the candidate's app shows about them ({@code GET /api/candidate/me}): enough to resume on any
 * page after a reload or after WeChat closed the web view — the current upload with its checks and
 * verification, the verified photo awaiting confirmation, and the manual review with each material.
 */
@Service
class Profile {

    private static final TypeReference<List<Portraits.CheckView>> CHECKS = new TypeReference<>() {
    };

    private final Candidates candidates;
    private final ReviewViews reviews;
    private final ManualRouting routing;
    private final Attempts attempts;
    private final SettingsService settings;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Profile(Candidates candidates, ReviewViews reviews, ManualRouting routing, Attempts attempts,
            SettingsService settings, JdbcClient jdbc, ObjectMapper json) {
        this.candidates = candidates;
        this.reviews = reviews;
        this.routing = routing;
        this.attempts = attempts;
        this.settings = settings;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The candidate, routed to manual review first when their document, a missing reference or the
     * attempt limit in force rules out automatic verification: no candidate is left without a next step.
     */
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
        Optional<ReviewViews.ReviewView> review = reviews.of(c);
        Optional<DocumentType> type = c.documentType();
        boolean automatic = routing.automatic(c);
        String route = review.map(r -> "MANUAL_" + r.reason())
                .orElse(!automatic ? (c.verifiableDocument() ? "MANUAL_NO_REFERENCE" : "MANUAL_NON_ID_DOCUMENT")
                        : c.rareName() ? "RARE_NAME_WARNING" : "AUTOMATIC");
        boolean collected = c.state() == CandidateState.COLLECTED;
        return new Me(c.candidateNumber(), c.name(), type.map(DocumentType::name).orElse(c.documentTypeRaw()),
                type.map(DocumentType::labelZh).orElse(c.documentTypeRaw()),
                type.map(DocumentType::labelEn).orElse(c.documentTypeRaw()), IdNumber.mask(c.documentNumber()),
                c.state(), c.attemptsUsed(), Math.max(0, limit - c.attemptsUsed()), limit, point[0], point[1], c.city(),
                c.rareName(), c.rareName() ? RARE_NAME_WARNING_ZH : null, c.rareName() ? RARE_NAME_WARNING_EN : null,
                automatic, route, collected,
                collected ? "/api/candidate/photo" : null, collected ? "/api/candidate/photo/standard" : null,
                current(c), verified(c), review.orElse(null));
    }

    /** The latest upload on the automatic path, with its checks and, once verified, the outcome. */
    private CurrentSubmission current(CandidateRow c) {
        if (c.currentSubmissionId() == null || !Journey.AUTOMATIC.contains(c.state())) {
            return null;
        }
        return jdbc.sql("""
                select s.id, s.checks_passed, s.check_report, s.created_at, p.width, p.height
                from submission s left join photo p on p.id = s.photo_id where s.id = ? and s.candidate_id = ?""")
                .params(c.currentSubmissionId(), c.id())
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    boolean pass = rs.getBoolean(2);
                    var verification = attempts.forSubmission(c.id(), id).map(Profile::verification).orElse(null);
                    return new CurrentSubmission(id, pass, checks(rs.getString(3)), "/api/candidate/submissions/" + id + "/photo",
                            pass ? "/api/candidate/submissions/" + id + "/photo/standard" : null,
                            rs.getObject(5, Integer.class), rs.getObject(6, Integer.class),
                            rs.getObject(4, OffsetDateTime.class), verification);
                })
                .optional().orElse(null);
    }

    private VerifiedSubmission verified(CandidateRow c) {
        Long id = c.state() == CandidateState.VERIFIED ? c.verifiedSubmissionId()
                : c.state() == CandidateState.COLLECTED ? c.collectedSubmissionId() : null;
        if (id == null) {
            return null;
        }
        Double score = attempts.forSubmission(c.id(), id).map(Attempts.Attempt::score).orElse(null);
        return new VerifiedSubmission(id, "/api/candidate/submissions/" + id + "/photo",
                "/api/candidate/submissions/" + id + "/photo/standard", score);
    }

    private static Verification verification(Attempts.Attempt a) {
        return new Verification(a.attemptNo(), a.matched(), a.score(), a.threshold(), a.reason(),
                a.matched() ? "人证核验通过，请确认照片无误后提交。" : "人证核验未通过（照片与身份证照片不一致）",
                a.matched() ? "Verified. Please check the photo and submit it." : "Not verified (the photo does not match your ID photo)",
                a.spent());
    }

    private List<Portraits.CheckView> checks(String report) {
        try {
            return report == null ? List.of() : json.readValue(report, CHECKS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    static final String RARE_NAME_WARNING_ZH = "您的姓名含生僻字，人证核验很可能无法通过，建议直接申请人工审核。";
    static final String RARE_NAME_WARNING_EN =
            "Your name contains rare characters; automatic verification will likely fail. We suggest manual review.";

    /** The candidate as their app sees them; the document number is masked. */
    record Me(String candidateNumber, String name, String documentType, String documentTypeLabel,
              String documentTypeLabelEn, String documentNumberMasked, CandidateState state, int attemptsUsed,
              int attemptsLeft, int attemptLimit, String pointName, String pointPhone, String city, boolean rareName,
              String rareNameWarning, String rareNameWarningEn, boolean automaticVerification, String route,
              boolean collected, String photoUrl, String standardPhotoUrl, CurrentSubmission currentSubmission,
              VerifiedSubmission verifiedSubmission, ReviewViews.ReviewView review) {
    }

    /** The latest automatic-path upload. */
    record CurrentSubmission(long id, boolean pass, List<Portraits.CheckView> checks, String photoUrl,
                             String standardPhotoUrl, Integer imageWidth, Integer imageHeight, OffsetDateTime createdAt,
                             Verification verification) {
    }

    /** How the current upload was verified. */
    record Verification(int attemptNo, boolean match, Double score, Double threshold, String reason, String message,
                        String messageEn, boolean spent) {
    }

    /** The verified photo awaiting "确认无误并提交" (or the collected one). */
    record VerifiedSubmission(long id, String photoUrl, String standardPhotoUrl, Double score) {
    }
}
