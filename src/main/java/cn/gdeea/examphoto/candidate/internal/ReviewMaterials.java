package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.candidate.CandidateState;
import cn.gdeea.examphoto.candidate.Journey;
import cn.gdeea.examphoto.image.DecodedImage;
import cn.gdeea.examphoto.review.MaterialKind;
import cn.gdeea.examphoto.review.ReviewCases;
import cn.gdeea.examphoto.settings.SettingsService;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.web.ApiError;
import cn.gdeea.examphoto.web.ApiException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * 人工审核资料: the materials a candidate in manual review sends, as their document requires — the
 * portrait to collect, the ID card's two sides or another document's photo page, and the hand-held
 * photo (each of these three in landscape, checked here). The portrait blocks only when a reviewer
 * could not use it; its other failed checks come back as advice. Files are written before the
 * transaction that records them; a repeat with the same {@code Idempotency-Key} changes nothing.
 */
@Service
class ReviewMaterials {

    private final Profile profile;
    private final Candidates candidates;
    private final ReviewCases cases;
    private final ReviewViews views;
    private final Portraits portraits;
    private final PhotoRecords photos;
    private final Submissions submissions;
    private final StateTransitions transitions;
    private final ManualRouting routing;
    private final Idempotency idempotency;
    private final SettingsService settings;
    private final TransactionTemplate tx;

    ReviewMaterials(Profile profile, Candidates candidates, ReviewCases cases, ReviewViews views, Portraits portraits,
                    PhotoRecords photos, Submissions submissions, StateTransitions transitions, ManualRouting routing,
                    Idempotency idempotency, SettingsService settings, TransactionTemplate tx) {
        this.profile = profile;
        this.candidates = candidates;
        this.cases = cases;
        this.views = views;
        this.portraits = portraits;
        this.photos = photos;
        this.submissions = submissions;
        this.transitions = transitions;
        this.routing = routing;
        this.idempotency = idempotency;
        this.settings = settings;
        this.tx = tx;
    }

    MaterialResult upload(long candidateId, MaterialKind kind, MultipartFile file, String idempotencyKey) {
        CandidateRow c = profile.current(candidateId);
        refuseUnlessGathering(c);
        if (!MaterialKind.requiredFor(c.documentType()).contains(kind)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "review.material_not_applicable",
                    "您的证件类型无需上传“" + kind.labelZh() + "”", "Your document type does not use: " + kind.labelEn());
        }
        byte[] bytes = Portraits.read(file);
        return idempotency.once(candidateId, idempotencyKey, "material:" + kind + ":" + PhotoRecords.sha256(bytes),
                MaterialResult.class, () -> kind == MaterialKind.PORTRAIT
                        ? portrait(candidateId, bytes, file.getOriginalFilename())
                        : document(candidateId, kind, bytes, file.getOriginalFilename()));
    }

    private MaterialResult portrait(long candidateId, byte[] bytes, String fileName) {
        Portraits.Processed p = portraits.processForReview(bytes, fileName);
        if (p.standard() == null) {
            List<ApiError.Detail> why = Portraits.unusable(p.report()).stream()
                    .map(c -> new ApiError.Detail(c.id(), c.message())).toList();
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "review.portrait_unusable",
                    "照片无法用于审核（需清晰的单人正面照），请按拍照指南重新拍摄",
                    "The portrait cannot be used for review (one clear frontal face is needed); please retake it", why);
        }
        Portraits.Files files = portraits.write(bytes, p);
        return tx.execute(t -> {
            ReviewCases.ReviewCase open = editableCase(candidateId);
            long submissionId = portraits.insert(candidateId, files, p);
            cases.attach(open.id(), MaterialKind.PORTRAIT, submissionId);
            List<Portraits.CheckView> advice = p.report().failures().stream().map(Portraits.CheckView::of).toList();
            return new MaterialResult(MaterialKind.PORTRAIT.name(), open.id(), advice);
        });
    }

    private MaterialResult document(long candidateId, MaterialKind kind, byte[] bytes, String fileName) {
        DecodedImage decoded = portraits.decode(bytes, fileName);
        if (kind.landscape() && decoded.image().width() <= decoded.image().height()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "review.not_landscape",
                    "请将手机横过来拍摄（横向照片）", "Please take this photo in landscape orientation");
        }
        PhotoRecords.WrittenFile written = photos.write(bytes, Portraits.contentType(decoded), decoded.image().width(),
                decoded.image().height());
        return tx.execute(t -> {
            ReviewCases.ReviewCase open = editableCase(candidateId);
            long photoId = photos.record(candidateId, kind.photoKind(), written);
            cases.attach(open.id(), kind, photoId);
            return new MaterialResult(kind.name(), open.id(), List.of());
        });
    }

    /**
     * Sends the materials to the reviewers (审核中). After a rejection only the marked items need
     * taking again (or, if the reviewer marked none, at least one item).
     */
    ReviewStatus submit(long candidateId, String idempotencyKey) {
        return idempotency.once(candidateId, idempotencyKey, "review-submit", ReviewStatus.class, () -> {
            tx.executeWithoutResult(t -> {
                CandidateRow c = candidates.lock(candidateId);
                refuseUnlessGathering(c);
                ReviewViews.ReviewView view = views.of(c).orElseThrow(() -> incomplete(List.of()));
                if (!view.canSubmit()) {
                    throw incomplete(view.materials().stream()
                            .filter(m -> m.status() == ReviewViews.MaterialStatus.MISSING
                                    || m.status() == ReviewViews.MaterialStatus.REJECTED)
                            .map(m -> new ApiError.Detail(m.kind(), m.status() == ReviewViews.MaterialStatus.MISSING
                                    ? "请上传" + m.labelZh() : "请重新拍摄" + m.labelZh()))
                            .toList());
                }
                Journey.Step step = Journey.next(c.state(), c.attemptsUsed(), settings.attemptLimit(),
                        Journey.Action.SUBMIT_MATERIALS);
                if (!cases.submit(view.id()) || !transitions.apply(candidateId, c.state(), c.attemptsUsed(), step,
                        "candidate", "review case " + view.id() + " submitted")) {
                    throw incomplete(List.of());
                }
            });
            return status(candidateId);
        });
    }

    /** 生僻字: the candidate chooses manual review at once instead of automatic verification. */
    ReviewStatus request(long candidateId) {
        CandidateRow c = profile.current(candidateId);
        if (!c.rareName()) {
            throw ApiException.conflict("review.not_eligible", "您可以使用人证核验，无需申请人工审核",
                    "You can use automatic verification");
        }
        tx.executeWithoutResult(t -> {
            CandidateRow locked = candidates.lock(candidateId);
            if (locked.state() == CandidateState.MANUAL_PENDING || Journey.GATHERING.contains(locked.state())) {
                return; // already there: asking twice is harmless
            }
            Journey.Step step = Journey.next(locked.state(), locked.attemptsUsed(), settings.attemptLimit(),
                    Journey.Action.REQUEST_MANUAL);
            if (!step.allowed()) {
                throw Refusals.of(step.refusal());
            }
            routing.routeLocked(locked, step, ManualRouting.RARE_NAME, "candidate chose manual review (rare characters in name)");
        });
        return status(candidateId);
    }

    ReviewStatus status(long candidateId) {
        CandidateRow c = profile.current(candidateId);
        return ReviewStatus.of(c.state(), views.of(c).orElse(null));
    }

    /**
     * One material of the candidate's own open case, so that the review page can show what was
     * sent after a reload. Anything else — another candidate's, a decided case's, a kind not yet
     * taken — reads as absent.
     */
    PhotoRecords.StoredPhoto materialPhoto(long candidateId, MaterialKind kind) {
        return cases.open(candidateId)
                .flatMap(r -> r.material(kind))
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

    /** The case the candidate is filling in, opened if needed. Locks the candidate. */
    private ReviewCases.ReviewCase editableCase(long candidateId) {
        CandidateRow c = candidates.lock(candidateId);
        refuseUnlessGathering(c);
        ReviewCases.ReviewCase open = cases.openFor(candidateId, c.pointCode(), ManualRouting.ATTEMPTS_EXHAUSTED);
        if (!Journey.GATHERING.contains(c.state()) || open.status() != cn.gdeea.examphoto.review.ReviewCaseStatus.AWAITING_MATERIALS) {
            throw notGathering(c);
        }
        return open;
    }

    private static void refuseUnlessGathering(CandidateRow c) {
        if (!Journey.GATHERING.contains(c.state())) {
            throw notGathering(c);
        }
    }

    private static ApiException notGathering(CandidateRow c) {
        boolean pending = c.state() == CandidateState.MANUAL_PENDING;
        return ApiException.conflict("review.not_open", pending ? "资料已提交，正在审核中" : "您当前无需提交人工审核资料",
                pending ? "Your materials are under review" : "You do not need to send manual-review materials");
    }

    private static ApiException incomplete(List<ApiError.Detail> missing) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "review.incomplete",
                "请上传全部人工审核资料，并重新拍摄审核员标出的项目",
                "Please upload every material, and retake the items the reviewer marked", missing);
    }

    /** A stored material; {@code advice} lists the portrait's failed checks that do not block. */
    record MaterialResult(String kind, long caseId, List<Portraits.CheckView> advice) {
    }

    /** The candidate's state and their latest case as {@link ReviewViews.ReviewView} shows it (nulls when none). */
    record ReviewStatus(CandidateState state, Long id, String status, String reason, String rejectionReason,
                        List<String> rejectedMaterials, java.time.OffsetDateTime submittedAt,
                        java.time.OffsetDateTime decidedAt, boolean canSubmit, List<ReviewViews.Material> materials) {

        static ReviewStatus of(CandidateState state, ReviewViews.ReviewView r) {
            return r == null ? new ReviewStatus(state, null, null, null, null, List.of(), null, null, false, List.of())
                    : new ReviewStatus(state, r.id(), r.status(), r.reason(), r.rejectionReason(), r.rejectedMaterials(),
                            r.submittedAt(), r.decidedAt(), r.canSubmit(), r.materials());
        }
    }
}
