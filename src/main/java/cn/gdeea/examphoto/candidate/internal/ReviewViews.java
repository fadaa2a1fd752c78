package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.review.MaterialKind;
import cn.gdeea.examphoto.review.ReviewCaseStatus;
import cn.gdeea.examphoto.review.ReviewCases;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The candidate's manual review as their app shows it: each material their document needs with
 * its status, and — while the follow-up of a rejected case is open — the rejection's reason and
 * the items it marked, which stay visible until the next decision.
 */
@Service
class ReviewViews {

    private final ReviewCases cases;

    ReviewViews(ReviewCases cases) {
        this.cases = cases;
    }

    Optional<ReviewView> of(CandidateRow c) {
        return cases.latest(c.id()).map(latest -> view(c, latest));
    }

    private ReviewView view(CandidateRow c, ReviewCases.ReviewCase latest) {
        Optional<ReviewCases.ReviewCase> rejected = latest.status() == ReviewCaseStatus.REJECTED ? Optional.of(latest)
                : Optional.ofNullable(latest.previousCaseId()).flatMap(cases::byId)
                        .filter(p -> p.status() == ReviewCaseStatus.REJECTED);
        boolean followUp = rejected.isPresent() && rejected.get().id() != latest.id();
        List<Material> materials = new ArrayList<>();
        for (MaterialKind kind : MaterialKind.requiredFor(c.documentType())) {
            materials.add(material(kind, latest, followUp ? rejected : Optional.empty()));
        }
        boolean complete = materials.stream().noneMatch(m -> m.status() == MaterialStatus.MISSING
                || m.status() == MaterialStatus.REJECTED);
        boolean changed = !followUp || !rejected.get().rejectedMaterials().isEmpty()
                || materials.stream().anyMatch(m -> m.status() == MaterialStatus.REPLACED);
        boolean canSubmit = latest.status() == ReviewCaseStatus.AWAITING_MATERIALS && complete && changed;
        return new ReviewView(latest.id(), latest.status().name(), latest.reason(),
                rejected.map(ReviewCases.ReviewCase::rejectionReason).orElse(null),
                rejected.map(r -> r.rejectedMaterials().stream().map(Enum::name).toList()).orElse(List.of()),
                latest.submittedAt(), rejected.map(ReviewCases.ReviewCase::decidedAt).orElse(latest.decidedAt()),
                canSubmit, materials);
    }

    private static Material material(MaterialKind kind, ReviewCases.ReviewCase c, Optional<ReviewCases.ReviewCase> rejected) {
        Optional<Long> id = c.material(kind);
        MaterialStatus status;
        if (id.isEmpty()) {
            status = MaterialStatus.MISSING;
        } else if (rejected.isEmpty()) {
            status = MaterialStatus.PRESENT;
        } else {
            boolean same = Objects.equals(rejected.get().material(kind).orElse(null), id.get());
            boolean marked = rejected.get().rejectedMaterials().contains(kind);
            status = !same ? MaterialStatus.REPLACED : marked ? MaterialStatus.REJECTED : MaterialStatus.PRESENT;
        }
        String url = id.isPresent() && c.status().open() ? "/api/candidate/review/materials/" + kind.name() + "/photo" : null;
        return new Material(kind.name(), kind.labelZh(), kind.labelEn(), kind.landscape(), status, url);
    }

    /** Where one material stands. */
    enum MaterialStatus {
        MISSING,
        /** Sent (or carried over and not marked by the reviewer). */
        PRESENT,
        /** Marked by the reviewer and not taken again yet. */
        REJECTED,
        /** Taken again after a rejection. */
        REPLACED
    }

    /** One material the candidate's document needs. */
    record Material(String kind, String labelZh, String labelEn, boolean landscape, MaterialStatus status,
                    String photoUrl) {
    }

    /** The latest case as the candidate sees it. */
    record ReviewView(long id, String status, String reason, String rejectionReason, List<String> rejectedMaterials,
                      OffsetDateTime submittedAt, OffsetDateTime decidedAt, boolean canSubmit,
                      List<Material> materials) {
    }
}
