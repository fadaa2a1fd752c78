package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.candidate.CandidateState;
import cn.gdeea.examphoto.candidate.Journey;
import cn.gdeea.examphoto.settings.SettingsService;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.web.ApiException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** "确认无误并提交" (collection of a verified photo), and the candidate's own photos and attempts. */
@Service
class Collection {

    private final Candidates candidates;
    private final Submissions submissions;
    private final StateTransitions transitions;
    private final PhotoRecords photos;
    private final SettingsService settings;
    private final JdbcClient jdbc;

    Collection(Candidates candidates, Submissions submissions, StateTransitions transitions, PhotoRecords photos,
               SettingsService settings, JdbcClient jdbc) {
        this.settings = settings;
        this.candidates = candidates;
        this.submissions = submissions;
        this.transitions = transitions;
        this.photos = photos;
        this.jdbc = jdbc;
    }

    /**
     * Collects the verified submission. Repeating it for the collected submission changes nothing
     * and answers the same, so a phone that lost the answer may simply send it again.
     */
    @Transactional
    CandidateState confirm(long candidateId, long submissionId) {
        submissions.own(candidateId, submissionId).orElseThrow(() -> ApiException.notFound("照片"));
        CandidateRow c = candidates.lock(candidateId);
        if (c.state() == CandidateState.COLLECTED && Long.valueOf(submissionId).equals(c.collectedSubmissionId())) {
            return c.state();
        }
        Journey.Step step = Journey.next(c.state(), c.attemptsUsed(), settings.attemptLimit(), Journey.Action.CONFIRM);
        if (!step.allowed() || !Long.valueOf(submissionId).equals(c.verifiedSubmissionId())) {
            throw ApiException.conflict("collection.not_verified", "该照片未通过人证核验，不能提交",
                    "This photo has not been verified");
        }
        jdbc.sql("update candidate set collected_submission_id = ? where id = ?").params(submissionId, candidateId).update();
        transitions.apply(candidateId, c.state(), c.attemptsUsed(), step, "candidate", "confirmed submission " + submissionId);
        return CandidateState.COLLECTED;
    }

    /** The collected photo: the upload as received, or its standard photo. */
    PhotoRecords.StoredPhoto collected(long candidateId, boolean standard) {
        CandidateRow c = candidates.require(candidateId);
        if (c.state() != CandidateState.COLLECTED || c.collectedSubmissionId() == null) {
            throw ApiException.notFound("已采集的照片");
        }
        return submissionPhoto(candidateId, c.collectedSubmissionId(), standard);
    }

    /** A photo of the candidate's own submission; another candidate's reads as absent. */
    PhotoRecords.StoredPhoto submissionPhoto(long candidateId, long submissionId, boolean standard) {
        Submissions.SubmissionRow s = submissions.own(candidateId, submissionId).orElseThrow(() -> ApiException.notFound("照片"));
        Long id = standard ? s.standardPhotoId() : Long.valueOf(s.photoId());
        return Optional.ofNullable(id).flatMap(photos::find).filter(p -> p.candidateId() == candidateId)
                .orElseThrow(() -> ApiException.notFound("照片"));
    }

    byte[] bytes(PhotoRecords.StoredPhoto photo) {
        return photos.bytes(photo).orElseThrow(() -> ApiException.notFound("照片"));
    }

    /** The failed attempts (不通过), newest first. */
    List<FailedAttempt> failedAttempts(long candidateId) {
        return jdbc.sql("""
                select attempt_no, submission_id, score, threshold, reason, created_at, spent from verification_attempt
                where candidate_id = ? and not matched order by id desc""")
                .param(candidateId)
                .query((rs, n) -> new FailedAttempt(rs.getInt(1), rs.getLong(2), rs.getObject(3, Double.class),
                        rs.getObject(4, Double.class), rs.getString(5), reasonZh(rs.getString(5)),
                        rs.getObject(6, OffsetDateTime.class), "/api/candidate/submissions/" + rs.getLong(2) + "/photo",
                        rs.getBoolean(7)))
                .list();
    }

    private static String reasonZh(String reason) {
        return switch (reason) {
            case "below_threshold" -> "照片与身份证照片不一致（非考生本人）";
            case "probe_no_face" -> "照片中未检测到人脸";
            default -> "人证核验未通过";
        };
    }

    /** One failed attempt with why and its photo. */
    record FailedAttempt(int attemptNo, long submissionId, Double score, Double threshold, String reason,
                         String message, OffsetDateTime createdAt, String photoUrl, boolean spent) {
    }
}
