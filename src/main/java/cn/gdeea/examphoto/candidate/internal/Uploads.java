package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.candidate.CandidateState;
import cn.gdeea.examphoto.candidate.Journey;
import cn.gdeea.examphoto.settings.SettingsService;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.web.ApiException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * The photo step (拍照, 照片检测): an upload checked against the photo guide; no attempt is used.
 * The files are written before the transaction that records them opens; a retried request with
 * the same {@code Idempotency-Key} gets the first answer and creates nothing.
 */
@Service
class Uploads {

    private final Profile profile;
    private final Portraits portraits;
    private final Candidates candidates;
    private final StateTransitions transitions;
    private final Verifications verifications;
    private final Idempotency idempotency;
    private final SettingsService settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    Uploads(Profile profile, Portraits portraits, Candidates candidates, StateTransitions transitions,
            Verifications verifications, Idempotency idempotency, SettingsService settings, JdbcClient jdbc,
            TransactionTemplate tx) {
        this.profile = profile;
        this.portraits = portraits;
        this.candidates = candidates;
        this.transitions = transitions;
        this.verifications = verifications;
        this.idempotency = idempotency;
        this.settings = settings;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    UploadResult upload(long candidateId, MultipartFile file, String idempotencyKey) {
        byte[] bytes = Portraits.read(file);
        return idempotency.once(candidateId, idempotencyKey, "photos:" + PhotoRecords.sha256(bytes), UploadResult.class,
                () -> upload(candidateId, bytes, file.getOriginalFilename()));
    }

    private UploadResult upload(long candidateId, byte[] bytes, String fileName) {
        CandidateRow c = profile.current(candidateId);
        refuseUnlessAutomatic(c, settings.attemptLimit());
        Portraits.Processed p = portraits.process(bytes, fileName);
        Portraits.Files files = portraits.write(bytes, p);
        Journey.Action action = p.report().pass() ? Journey.Action.CHECK_PASSED : Journey.Action.CHECK_FAILED;
        long submissionId = tx.execute(t -> {
            CandidateRow locked = candidates.lock(candidateId);
            Journey.Step step = refuseUnlessAutomatic(locked, settings.attemptLimit(), action);
            long id = portraits.insert(candidateId, files, p);
            jdbc.sql("update candidate set current_submission_id = ? where id = ?").params(id, candidateId).update();
            if (step.next() != locked.state()) {
                transitions.apply(candidateId, locked.state(), locked.attemptsUsed(), step, "candidate",
                        "submission " + id + " passed the photo checks");
            }
            return id;
        });
        if (p.report().pass()) {
            verifications.prepareReference(c);
        }
        return new UploadResult(submissionId, p.report().pass(),
                p.report().checks().stream().map(Portraits.CheckView::of).toList(),
                "/api/candidate/submissions/" + submissionId + "/photo",
                p.report().pass() ? "/api/candidate/submissions/" + submissionId + "/photo/standard" : null,
                p.decoded().image().width(), p.decoded().image().height(), OffsetDateTime.now());
    }

    private static void refuseUnlessAutomatic(CandidateRow c, int limit) {
        refuseUnlessAutomatic(c, limit, Journey.Action.CHECK_FAILED);
    }

    private static Journey.Step refuseUnlessAutomatic(CandidateRow c, int limit, Journey.Action action) {
        Journey.Step step = Journey.next(c.state(), c.attemptsUsed(), limit, action);
        if (step.allowed()) {
            return step;
        }
        if (c.state() == CandidateState.COLLECTED) {
            throw ApiException.conflict("photo.already_collected", "您的照片已采集成功，无需再次上传",
                    "Your photo has already been collected");
        }
        throw ApiException.conflict("photo.manual_review", "您已转入人工审核，请在“人工审核资料”中上传照片",
                "You are in manual review; upload your photo with the review materials");
    }

    /** The outcome of the photo checks on one upload. */
    record UploadResult(long submissionId, boolean pass, List<Portraits.CheckView> checks, String photoUrl,
                        String standardPhotoUrl, int imageWidth, int imageHeight, OffsetDateTime createdAt) {
    }
}
