package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.candidate.CandidateState;
import cn.gdeea.examphoto.candidate.StateTransitions;
import cn.gdeea.examphoto.web.ApiException;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/** The photo step (拍照, 照片检测): an upload checked against the photo guide; no attempt is used. */
@Service
class Uploads {

    private static final EnumSet<CandidateState> MAY_UPLOAD =
            EnumSet.of(CandidateState.NOT_STARTED, CandidateState.PHOTO_CHECKED, CandidateState.VERIFIED);

    private final Profile profile;
    private final Portraits portraits;
    private final StateTransitions transitions;
    private final Verifications verifications;
    private final TransactionTemplate tx;

    Uploads(Profile profile, Portraits portraits, StateTransitions transitions, Verifications verifications,
            TransactionTemplate tx) {
        this.verifications = verifications;
        this.profile = profile;
        this.portraits = portraits;
        this.transitions = transitions;
        this.tx = tx;
    }

    UploadResult upload(long candidateId, MultipartFile file) {
        CandidateRow c = profile.current(candidateId);
        refuseUnlessAutomatic(c);
        byte[] bytes = Portraits.read(file);
        Portraits.Processed p = portraits.process(bytes, file.getOriginalFilename());
        long submissionId = tx.execute(s -> {
            long id = portraits.store(candidateId, bytes, p);
            if (p.report().pass()) {
                // A new photo replaces a verified one: it must be verified itself before it is confirmed.
                transitions.move(candidateId, EnumSet.of(CandidateState.NOT_STARTED, CandidateState.VERIFIED),
                        CandidateState.PHOTO_CHECKED, "candidate", "submission " + id + " passed the photo checks");
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
                p.decoded().image().width(), p.decoded().image().height());
    }

    static void refuseUnlessAutomatic(CandidateRow c) {
        if (c.state() == CandidateState.COLLECTED) {
            throw ApiException.conflict("photo.already_collected", "您的照片已采集成功，无需再次上传",
                    "Your photo has already been collected");
        }
        if (!MAY_UPLOAD.contains(c.state())) {
            throw ApiException.conflict("photo.manual_review", "您已转入人工审核，请在“人工审核资料”中上传照片",
                    "You are in manual review; upload your photo with the review materials");
        }
    }

    /** The outcome of the photo checks on one upload. */
    record UploadResult(long submissionId, boolean pass, List<Portraits.CheckView> checks, String photoUrl,
                        String standardPhotoUrl, int imageWidth, int imageHeight) {
    }
}
