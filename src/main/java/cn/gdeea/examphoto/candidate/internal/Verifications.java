package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.verification.DescriptorCodec;
import cn.gdeea.examphoto.candidate.CandidateState;
import cn.gdeea.examphoto.candidate.StateTransitions;
import cn.gdeea.examphoto.image.ImageDecoder;
import cn.gdeea.examphoto.image.ImageLimits;
import cn.gdeea.examphoto.image.ImageRejectedException;
import cn.gdeea.examphoto.settings.SettingsService;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.verification.CandidateIdentity;
import cn.gdeea.examphoto.verification.EmbeddedFaceVerifier;
import cn.gdeea.examphoto.verification.HttpFaceVerifier;
import cn.gdeea.examphoto.verification.VerificationResult;
import cn.gdeea.examphoto.web.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 人证核验: one verification attempt of a checked submission. The comparison runs first, outside
 * any transaction; then, in one short transaction, the attempt is reserved with a conditional
 * update ({@code attempts_used < limit and state = PHOTO_CHECKED}), recorded and the state moved.
 * The row lock of that update serialises concurrent attempts, so the limit holds however many
 * requests arrive at once. Outcomes that decide nothing (the reference shows no face, the external
 * service failed) never reach the reservation and so never cost an attempt.
 */
@Service
class Verifications {

    private final Profile profile;
    private final Submissions submissions;
    private final Candidates candidates;
    private final ManualRouting routing;
    private final StateTransitions transitions;
    private final SettingsService settings;
    private final EmbeddedFaceVerifier embedded;
    private final Optional<HttpFaceVerifier> external;
    private final PhotoRecords photos;
    /** Reference photos come from the roster, not from uploads: the upload byte limit does not apply to them. */
    private final ImageDecoder referenceDecoder = new ImageDecoder(ImageLimits.defaults());
    private final ProcessingGate gate;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    Verifications(Profile profile, Submissions submissions, Candidates candidates, ManualRouting routing,
                  StateTransitions transitions, SettingsService settings, EmbeddedFaceVerifier embedded,
                  ObjectProvider<HttpFaceVerifier> external, PhotoRecords photos,
                  ProcessingGate gate, JdbcClient jdbc, TransactionTemplate tx) {
        this.profile = profile;
        this.submissions = submissions;
        this.candidates = candidates;
        this.routing = routing;
        this.transitions = transitions;
        this.settings = settings;
        this.embedded = embedded;
        this.external = Optional.ofNullable(external.getIfAvailable());
        this.photos = photos;
        this.gate = gate;
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
        refuseUnlessAwaitingVerification(c);
        int limit = settings.attemptLimit();
        double threshold = settings.verificationThreshold();
        VerificationResult result = compare(c, s, threshold);
        if (VerificationResult.REFERENCE_NO_FACE.equals(result.reason())) {
            // The roster's photo is at fault, not the candidate: no attempt, straight to a reviewer.
            routing.route(c, EnumSet.of(CandidateState.PHOTO_CHECKED), ManualRouting.NO_REFERENCE,
                    "reference photo unusable (reference_no_face)");
            CandidateRow now = candidates.require(candidateId);
            return new AttemptResult(null, false, null, threshold, result.reason(),
                    "您的身份证照片无法用于自动核验，已转入人工审核，本次不计核验次数。",
                    "Your reference photo cannot be used for automatic verification; you were sent to manual review. No attempt was used.",
                    Math.max(0, limit - now.attemptsUsed()), now.state());
        }
        if (!result.compared()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "verification.service_error",
                    "人证核验服务暂时不可用，请稍后再试（不计核验次数）",
                    "The verification service is unavailable; try again later (no attempt was used)");
        }
        return tx.execute(t -> record(c, s, result, limit, threshold));
    }

    private AttemptResult record(CandidateRow c, Submissions.SubmissionRow s, VerificationResult result, int limit,
                                 double threshold) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int reserved = jdbc.sql("""
                update candidate set attempts_used = attempts_used + 1, updated_at = ?
                where id = ? and attempts_used < ? and state = ?""")
                .params(now, c.id(), limit, CandidateState.PHOTO_CHECKED.name()).update();
        if (reserved == 0) {
            refuseUnlessAwaitingVerification(candidates.require(c.id()));
            throw noAttemptsLeft();
        }
        int attemptNo = jdbc.sql("select attempts_used from candidate where id = ?").param(c.id()).query(Integer.class).single();
        String verifier = external.isPresent() ? "http" : "embedded";
        jdbc.sql("""
                insert into verification_attempt (candidate_id, submission_id, attempt_no, score, matched, threshold, reason, verifier, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), s.id(), attemptNo, result.score(), result.match(), threshold, reasonOf(result), verifier, now)
                .update();
        String detail = "attempt " + attemptNo + " on submission " + s.id() + ": " + (result.match() ? "match" : reasonOf(result));
        if (result.match()) {
            transitions.move(c.id(), EnumSet.of(CandidateState.PHOTO_CHECKED), CandidateState.VERIFIED, "candidate", detail);
        } else if (attemptNo >= limit) {
            routing.route(c, EnumSet.of(CandidateState.PHOTO_CHECKED), ManualRouting.ATTEMPTS_EXHAUSTED, detail);
        } else {
            transitions.record(c.id(), CandidateState.PHOTO_CHECKED, CandidateState.PHOTO_CHECKED, "candidate", detail);
        }
        CandidateState state = candidates.require(c.id()).state();
        int left = Math.max(0, limit - attemptNo);
        String zh;
        String en;
        if (result.match()) {
            zh = "人证核验通过，请确认照片无误后提交。";
            en = "Verified. Please check the photo and submit it.";
        } else if (state == CandidateState.MANUAL_REQUIRED) {
            zh = "人证核验未通过（照片与身份证照片不一致），核验次数已用完，请提交人工审核资料。";
            en = "Not verified (the photo does not match your ID photo). No attempts are left; please send manual-review materials.";
        } else {
            zh = "人证核验未通过（照片与身份证照片不一致），请重新拍照后再试。剩余" + left + "次。";
            en = "Not verified (the photo does not match your ID photo). Take a new photo and try again. " + left + " left.";
        }
        return new AttemptResult(attemptNo, result.match(), result.score(), threshold, reasonOf(result), zh, en, left, state);
    }

    private VerificationResult compare(CandidateRow c, Submissions.SubmissionRow s, double threshold) {
        if (external.isPresent()) {
            byte[] jpeg = s.standardPhotoId() == null ? null
                    : photos.find(s.standardPhotoId()).flatMap(photos::bytes).orElse(null);
            if (jpeg == null) {
                throw new IllegalStateException("passed submission " + s.id() + " has no standard photo");
            }
            return external.get().verifyJpeg(new CandidateIdentity(c.name(), c.documentNumber()), jpeg);
        }
        Optional<float[]> reference = referenceDescriptor(c);
        if (reference.isEmpty()) {
            return VerificationResult.undecided(VerificationResult.REFERENCE_NO_FACE, threshold);
        }
        return VerificationResult.decided(
                EmbeddedFaceVerifier.similarity(reference.get(), DescriptorCodec.fromBytes(s.descriptor())), threshold);
    }

    /**
     * Computes and caches the reference descriptor ahead of the first attempt (called when a photo
     * passes the checks), so that attempts themselves only compare two stored descriptors.
     */
    void prepareReference(CandidateRow c) {
        if (c.referenceDescriptor() == null && external.isEmpty()) {
            referenceDescriptor(c);
        }
    }

    /** The reference photo's descriptor, computed once and cached on the candidate row. */
    private Optional<float[]> referenceDescriptor(CandidateRow c) {
        if (c.referenceDescriptor() != null) {
            return Optional.of(DescriptorCodec.fromBytes(c.referenceDescriptor()));
        }
        Optional<byte[]> bytes = Optional.ofNullable(c.referencePhotoId()).flatMap(photos::find).flatMap(photos::bytes);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        Optional<float[]> descriptor = gate.run(() -> {
            try {
                return embedded.describeLargestFace(referenceDecoder.decode(bytes.get(), "reference").image());
            } catch (ImageRejectedException e) {
                return Optional.<float[]>empty();
            }
        });
        descriptor.ifPresent(d -> candidates.cacheReferenceDescriptor(c.id(), DescriptorCodec.toBytes(d)));
        return descriptor;
    }

    private static String reasonOf(VerificationResult r) {
        return r.match() ? "match" : r.reason().isBlank() ? VerificationResult.BELOW_THRESHOLD : r.reason();
    }

    private static void refuseUnlessAwaitingVerification(CandidateRow c) {
        switch (c.state()) {
            case PHOTO_CHECKED -> {
            }
            case NOT_STARTED -> throw ApiException.conflict("verification.photo_not_checked",
                    "请先上传通过检测的照片", "Upload a photo that passes the checks first");
            case VERIFIED, COLLECTED -> throw ApiException.conflict("verification.already_verified",
                    "您已通过人证核验", "You are already verified");
            default -> throw ApiException.conflict("verification.manual_review",
                    "您已转入人工审核，无需人证核验", "You are in manual review; no verification is needed");
        }
    }

    private static ApiException noAttemptsLeft() {
        return ApiException.conflict("verification.no_attempts_left", "人证核验次数已用完", "No verification attempts left");
    }

    /** The outcome of one attempt; {@code attemptNo} is null when no attempt was used. */
    record AttemptResult(Integer attemptNo, boolean match, Double score, double threshold, String reason,
                         String message, String messageEn, int attemptsLeft, CandidateState state) {
    }
}
