package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.candidate.CandidateState;
import cn.gdeea.examphoto.candidate.StateTransitions;
import cn.gdeea.examphoto.image.DecodedImage;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.web.ApiException;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * 人工审核资料: the materials a candidate in manual review sends — the portrait to collect (which
 * must pass the photo-guide checks, since it is the photo collected on approval), the ID card's
 * two sides (landscape) and the hand-held photo. After a rejection a new case is opened with the
 * rejected case's materials carried over, so the candidate replaces only what was wrong and the
 * rejected case stays as it was decided.
 */
@Service
class ReviewMaterials {

    private static final EnumSet<CandidateState> MAY_EDIT = EnumSet.of(CandidateState.MANUAL_REQUIRED, CandidateState.MANUAL_REJECTED);

    private final Profile profile;
    private final Candidates candidates;
    private final ReviewCases cases;
    private final Portraits portraits;
    private final PhotoRecords photos;
    private final Submissions submissions;
    private final StateTransitions transitions;
    private final ManualRouting routing;
    private final TransactionTemplate tx;

    ReviewMaterials(Profile profile, Candidates candidates, ReviewCases cases, Portraits portraits, PhotoRecords photos,
                    Submissions submissions, StateTransitions transitions, ManualRouting routing, TransactionTemplate tx) {
        this.profile = profile;
        this.candidates = candidates;
        this.cases = cases;
        this.portraits = portraits;
        this.photos = photos;
        this.submissions = submissions;
        this.transitions = transitions;
        this.routing = routing;
        this.tx = tx;
    }

    MaterialResult upload(long candidateId, MaterialKind kind, MultipartFile file) {
        refuseUnlessEditable(profile.current(candidateId));
        byte[] bytes = Portraits.read(file);
        if (kind == MaterialKind.PORTRAIT) {
            Portraits.Processed p = portraits.process(bytes, file.getOriginalFilename());
            if (!p.report().pass()) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "review.portrait_failed_checks",
                        "照片未通过检测，请按拍照指南重新拍摄", "The portrait failed the photo checks; please retake it",
                        p.report().failures().stream().filter(c -> !c.warning())
                                .map(c -> new cn.gdeea.examphoto.web.ApiError.Detail(c.id(), c.message())).toList());
            }
            return tx.execute(t -> {
                long caseId = editableCase(candidateId);
                long submissionId = portraits.store(candidateId, bytes, p);
                cases.setMaterial(caseId, kind, submissionId);
                return result(caseId, kind);
            });
        }
        DecodedImage decoded = portraits.decode(bytes, file.getOriginalFilename());
        if (kind.landscape() && decoded.image().width() <= decoded.image().height()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "review.not_landscape",
                    "请将手机横过来拍摄（横向照片）", "Please take this photo in landscape orientation");
        }
        return tx.execute(t -> {
            long caseId = editableCase(candidateId);
            long photoId = photos.store(candidateId, kind.photoKind(), bytes, Portraits.contentType(decoded),
                    decoded.image().width(), decoded.image().height());
            cases.setMaterial(caseId, kind, photoId);
            return result(caseId, kind);
        });
    }

    /** Sends the complete materials to the reviewers (审核中). */
    ReviewStatus submit(long candidateId) {
        tx.executeWithoutResult(t -> {
            CandidateRow c = candidates.lock(candidateId);
            refuseUnlessEditable(c);
            ReviewCases.ReviewCase open = cases.open(candidateId).orElseThrow(ReviewMaterials::incomplete);
            if (!ReviewCases.AWAITING_MATERIALS.equals(open.status()) || !open.complete()) {
                throw incomplete();
            }
            cases.submit(open.id());
            transitions.move(candidateId, MAY_EDIT, CandidateState.MANUAL_PENDING, "candidate",
                    "review case " + open.id() + " submitted");
        });
        return status(candidateId);
    }

    /** 生僻字: the candidate chooses manual review at once instead of automatic verification. */
    ReviewStatus request(long candidateId) {
        CandidateRow c = profile.current(candidateId);
        if (!c.rareName()) {
            throw ApiException.conflict("review.not_eligible", "您可以使用人证核验，无需申请人工审核",
                    "You can use automatic verification");
        }
        if (!routing.route(c, EnumSet.of(CandidateState.NOT_STARTED, CandidateState.PHOTO_CHECKED, CandidateState.VERIFIED),
                ManualRouting.RARE_NAME, "candidate chose manual review (rare characters in name)")
                && !MAY_EDIT.contains(candidates.require(candidateId).state())
                && candidates.require(candidateId).state() != CandidateState.MANUAL_PENDING) {
            throw ApiException.conflict("review.not_eligible", "当前状态不能申请人工审核", "Manual review cannot be requested now");
        }
        return status(candidateId);
    }

    ReviewStatus status(long candidateId) {
        CandidateRow c = profile.current(candidateId);
        return cases.latest(candidateId)
                .map(r -> new ReviewStatus(c.state(), r.status(), r.reason(), r.rejectionReason(), r.submittedAt(),
                        r.decidedAt(), Profile.materialsPresent(r), r.open() ? photoUrls(r) : Map.of()))
                .orElse(new ReviewStatus(c.state(), null, null, null, null, null, List.of(), Map.of()));
    }

    /**
     * One material of the candidate's own open case, so that the review page can show what was
     * sent after a reload. Anything else — another candidate's, a decided case's, a kind not yet
     * taken — reads as absent.
     */
    PhotoRecords.StoredPhoto materialPhoto(long candidateId, MaterialKind kind) {
        return cases.open(candidateId)
                .flatMap(r -> Optional.ofNullable(r.material(kind)))
                .flatMap(id -> kind == MaterialKind.PORTRAIT
                        ? submissions.own(candidateId, id).map(Submissions.SubmissionRow::photoId)
                        : Optional.of(id))
                .flatMap(photos::find)
                .filter(p -> p.candidateId() == candidateId)
                .orElseThrow(() -> ApiException.notFound("资料照片"));
    }

    byte[] bytes(PhotoRecords.StoredPhoto photo) {
        return photos.bytes(photo).orElseThrow(() -> ApiException.notFound("资料照片"));
    }

    private static Map<String, String> photoUrls(ReviewCases.ReviewCase r) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (MaterialKind kind : MaterialKind.values()) {
            if (r.material(kind) != null) {
                urls.put(kind.name(), "/api/candidate/review/materials/" + kind.name() + "/photo");
            }
        }
        return urls;
    }

    /** The case the candidate is filling in: the open one, or a new one after a rejection. Locks the candidate. */
    private long editableCase(long candidateId) {
        CandidateRow c = candidates.lock(candidateId);
        refuseUnlessEditable(c);
        var open = cases.open(candidateId);
        if (open.isPresent()) {
            return open.get().id();
        }
        var latest = cases.latest(candidateId);
        if (c.state() == CandidateState.MANUAL_REJECTED && latest.isPresent()) {
            return cases.reopen(candidateId, c.pointCode(), latest.get());
        }
        return cases.create(candidateId, c.pointCode(), ManualRouting.ATTEMPTS_EXHAUSTED);
    }

    private MaterialResult result(long caseId, MaterialKind kind) {
        return new MaterialResult(kind.name(), caseId);
    }

    private static void refuseUnlessEditable(CandidateRow c) {
        if (!MAY_EDIT.contains(c.state())) {
            throw ApiException.conflict("review.not_open", c.state() == CandidateState.MANUAL_PENDING
                            ? "资料已提交，正在审核中" : "您当前无需提交人工审核资料",
                    c.state() == CandidateState.MANUAL_PENDING ? "Your materials are under review"
                            : "You do not need to send manual-review materials");
        }
    }

    private static ApiException incomplete() {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "review.incomplete",
                "请上传全部人工审核资料（照片、身份证人像面、国徽面、手持身份证照片）",
                "Please upload all materials: portrait, both ID card sides and the hand-held photo");
    }

    /** A stored material. */
    record MaterialResult(String kind, long caseId) {
    }

    /**
     * The candidate's manual review as they see it; {@code materialUrls} gives, per material on the
     * open case, where to fetch its photo.
     */
    record ReviewStatus(CandidateState state, String status, String reason, String rejectionReason,
                        OffsetDateTime submittedAt, OffsetDateTime decidedAt, List<String> materialsPresent,
                        Map<String, String> materialUrls) {
    }
}
