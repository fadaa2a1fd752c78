package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.candidate.CandidateState;
import cn.gdeea.examphoto.candidate.Journey;
import cn.gdeea.examphoto.settings.SettingsService;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.verification.CandidateIdentity;
import cn.gdeea.examphoto.verification.FaceVerifier;
import cn.gdeea.examphoto.verification.VerificationRequest;
import cn.gdeea.examphoto.verification.VerificationResult;
import cn.gdeea.examphoto.web.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 人证核验: the verification of one checked submission, at most once. The configured
 * {@link FaceVerifier} compares first, outside any transaction; then, in one short transaction
 * holding the candidate's row lock, the outcome is recorded and the {@link Journey} step made. The
 * lock serialises concurrent requests: a repeat for the same submission finds the first result and
 * spends nothing, and the attempt limit holds however many requests arrive at once. Outcomes that
 * decide nothing (the external service failed) never reach the transaction and cost nothing.
 */
@Service
class Verifications {

    private final Profile profile;
    private final Submissions submissions;
    private final Candidates candidates;
    private final Attempts attempts;
    private final ManualRouting routing;
    private final StateTransitions transitions;
    private final SettingsService settings;
    private final FaceVerifier verifier;
    private final ReferenceDescriptors references;
    private final PhotoRecords photos;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    Verifications(Profile profile, Submissions submissions, Candidates candidates, Attempts attempts,
                  ManualRouting routing, StateTransitions transitions, SettingsService settings, FaceVerifier verifier,
                  ReferenceDescriptors references, PhotoRecords photos, JdbcClient jdbc, TransactionTemplate tx) {
        this.profile = profile;
        this.submissions = submissions;
        this.candidates = candidates;
        this.attempts = attempts;
        this.routing = routing;
        this.transitions = transitions;
        this.settings = settings;
        this.verifier = verifier;
        this.references = references;
        this.photos = photos;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    AttemptResult verify(long candidateId, long submissionId) {
        CandidateRow c = profile.current(candidateId);
        Submissions.SubmissionRow s = submissions.own(candidateId, submissionId)
                .orElseThrow(() -> ApiException.notFound("照片"));
        if (!s.checksPassed()) {
            throw ApiException.conflict("verification.photo_not_checked", "该照片未通过照片检测，不能用于人证核验",
                    "This photo did not pass the photo checks");
        }
        int limit = settings.attemptLimit();
        Optional<Attempts.Attempt> earlier = attempts.forSubmission(candidateId, submissionId);
        if (earlier.isPresent()) {
            return replay(earlier.get(), candidates.require(candidateId), limit);
        }
        Journey.Step allowed = Journey.next(c.state(), c.attemptsUsed(), limit, Journey.Action.NON_MATCH);
        if (!allowed.allowed()) {
            throw Refusals.of(allowed.refusal());
        }
        double threshold = settings.verificationThreshold();
        VerificationResult result = verifier.verify(new VerificationRequest(
                new CandidateIdentity(c.name(), c.documentNumber()),
                verifier.needsReference() ? references.probe(s).orElse(null) : null,
                () -> standardJpeg(s), () -> references.of(c), threshold));
        if (VerificationResult.REFERENCE_NO_FACE.equals(result.reason())) {
            return tx.execute(t -> referenceUnusable(candidateId, s, limit));
        }
        if (!result.compared()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "verification.service_error",
                    "人证核验服务暂时不可用，请稍后再试（不计核验次数）",
                    "The verification service is unavailable; try again later (no attempt was used)");
        }
        return tx.execute(t -> record(candidateId, s, result, limit));
    }

    private AttemptResult record(long candidateId, Submissions.SubmissionRow s, VerificationResult result, int limit) {
        CandidateRow c = candidates.lock(candidateId);
        Optional<Attempts.Attempt> earlier = attempts.forSubmission(candidateId, s.id());
        if (earlier.isPresent()) {
            // A concurrent repeat recorded it while this one compared.
            return replay(earlier.get(), c, limit);
        }
        Journey.Step step = Journey.next(c.state(), c.attemptsUsed(), limit,
                result.match() ? Journey.Action.MATCH : Journey.Action.NON_MATCH);
        if (!step.allowed()) {
            throw Refusals.of(step.refusal());
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int attemptNo = attempts.count(candidateId) + 1;
        Double threshold = Double.isFinite(result.threshold()) ? result.threshold() : null;
        Attempts.Attempt attempt = new Attempts.Attempt(attemptNo, s.id(), result.score(), result.match(), threshold,
                reasonOf(result), verifier.id(), step.spent() > 0, now);
        attempts.insert(candidateId, attempt);
        String detail = "attempt " + attemptNo + " on submission " + s.id() + " (" + verifier.id() + "): "
                + (result.match() ? "match" : reasonOf(result)) + (step.spent() > 0 ? ", attempt used" : "");
        if (result.match()) {
            jdbc.sql("update candidate set verified_submission_id = ? where id = ?").params(s.id(), candidateId).update();
        }
        if (step.next() == CandidateState.MANUAL_REQUIRED) {
            routing.routeLocked(c, step, ManualRouting.ATTEMPTS_EXHAUSTED, detail);
        } else if (step.next() != c.state() || step.attemptsUsed() != c.attemptsUsed()) {
            transitions.apply(candidateId, c.state(), c.attemptsUsed(), step, "candidate", detail);
        } else {
            transitions.record(candidateId, c.state(), c.state(), "candidate", detail);
        }
        return result(attempt, step.next(), limit - step.attemptsUsed(), true);
    }

    /** The roster's photo is at fault, not the candidate: no attempt, straight to a reviewer. */
    private AttemptResult referenceUnusable(long candidateId, Submissions.SubmissionRow s, int limit) {
        CandidateRow c = candidates.lock(candidateId);
        Journey.Step step = Journey.next(c.state(), c.attemptsUsed(), limit, Journey.Action.REFERENCE_UNUSABLE);
        if (step.allowed() && step.next() == CandidateState.MANUAL_REQUIRED) {
            routing.routeLocked(c, step, ManualRouting.NO_REFERENCE, "reference photo unusable (reference_no_face)");
        }
        CandidateRow now = candidates.require(candidateId);
        return new AttemptResult(null, false, null, null, VerificationResult.REFERENCE_NO_FACE,
                "您的身份证照片无法用于自动核验，已转入人工审核，本次不计核验次数。",
                "Your reference photo cannot be used for automatic verification; you were sent to manual review. No attempt was used.",
                Math.max(0, limit - now.attemptsUsed()), now.state(), false, verifier.id());
    }

    private AttemptResult replay(Attempts.Attempt a, CandidateRow c, int limit) {
        return result(a, c.state(), limit - c.attemptsUsed(), false);
    }

    private static AttemptResult result(Attempts.Attempt a, CandidateState state, int left, boolean thisRequest) {
        left = Math.max(0, left);
        String zh;
        String en;
        if (a.matched()) {
            zh = "人证核验通过，请确认照片无误后提交。";
            en = "Verified. Please check the photo and submit it.";
        } else if (state == CandidateState.MANUAL_REQUIRED) {
            zh = "人证核验未通过（照片与身份证照片不一致），核验次数已用完，请提交人工审核资料。";
            en = "Not verified (the photo does not match your ID photo). No attempts are left; please send manual-review materials.";
        } else {
            zh = "人证核验未通过（照片与身份证照片不一致），请重新拍照后再试。剩余" + left + "次。";
            en = "Not verified (the photo does not match your ID photo). Take a new photo and try again. " + left + " left.";
        }
        return new AttemptResult(a.attemptNo(), a.matched(), a.score(), a.threshold(), a.reason(), zh, en, left, state,
                thisRequest && a.spent(), a.verifier());
    }

    /**
     * Computes and caches the reference descriptor ahead of the first attempt (called when a photo
     * passes the checks), so that attempts themselves only compare two stored descriptors.
     */
    void prepareReference(CandidateRow c) {
        if (verifier.needsReference()) {
            references.of(c);
        }
    }

    private byte[] standardJpeg(Submissions.SubmissionRow s) {
        return Optional.ofNullable(s.standardPhotoId()).flatMap(photos::find).flatMap(photos::bytes)
                .orElseThrow(() -> new IllegalStateException("passed submission " + s.id() + " has no standard photo"));
    }

    private static String reasonOf(VerificationResult r) {
        return r.match() ? "match" : r.reason().isBlank() ? VerificationResult.BELOW_THRESHOLD : r.reason();
    }

    /**
     * The outcome of one verification; {@code attemptNo} is null when nothing was decided,
     * {@code spent} whether this request used up an attempt (a repeat never does).
     */
    record AttemptResult(Integer attemptNo, boolean match, Double score, Double threshold, String reason,
                         String message, String messageEn, int attemptsLeft, CandidateState state, boolean spent,
                         String verifier) {
    }
}
