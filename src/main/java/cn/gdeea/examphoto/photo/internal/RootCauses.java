package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.photo.CheckResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts the failure that explains the others first, and marks the failures a single cause
 * produces as its knock-ons ({@link CheckResult#causedBy}), so the candidate is told what to fix
 * rather than every symptom. A dark photo also looks like a grey wall and low-contrast clothing;
 * a flash hot spot looks like a lens reflection and a bright forehead patch; blur smooths skin
 * like a beauty filter and blurs a fringe's edge; a face too far away has too few pixels for
 * everything after it. The order and the knock-on sets were set from the evaluation (the share of
 * violations whose first reason is the violated check, docs/photo-checks.md).
 */
public final class RootCauses {

    /** Root-cause order: a check earlier in the list can explain failures of the later ones. */
    static final List<String> ORDER = List.of(
            "image", "single_face", FaceSizeCheck.ID, ExposureCheck.ID, IlluminationCheck.ID, SharpnessCheck.ID,
            PoseCheck.ID, FacePositionCheck.ID, EyesOpenCheck.ID, GlassesCheck.ID, ForeheadCheck.ID, EarsCheck.ID,
            BackgroundCheck.ID, ClothingContrastCheck.ID, RetouchingCheck.ID);

    /** The failures each check's failure can cause on its own. */
    static final Map<String, Set<String>> KNOCK_ONS = Map.of(
            FaceSizeCheck.ID, Set.of(SharpnessCheck.ID, FacePositionCheck.ID, EyesOpenCheck.ID, GlassesCheck.ID,
                    ForeheadCheck.ID, EarsCheck.ID, RetouchingCheck.ID),
            ExposureCheck.ID, Set.of(IlluminationCheck.ID, SharpnessCheck.ID, EyesOpenCheck.ID, GlassesCheck.ID,
                    ForeheadCheck.ID, EarsCheck.ID, BackgroundCheck.ID, ClothingContrastCheck.ID, RetouchingCheck.ID),
            IlluminationCheck.ID, Set.of(GlassesCheck.ID, ForeheadCheck.ID, EarsCheck.ID, BackgroundCheck.ID,
                    ClothingContrastCheck.ID, RetouchingCheck.ID),
            SharpnessCheck.ID, Set.of(EyesOpenCheck.ID, GlassesCheck.ID, ForeheadCheck.ID, EarsCheck.ID,
                    RetouchingCheck.ID),
            PoseCheck.ID, Set.of(FacePositionCheck.ID, EyesOpenCheck.ID, GlassesCheck.ID, ForeheadCheck.ID,
                    EarsCheck.ID, IlluminationCheck.ID),
            FacePositionCheck.ID, Set.of(ForeheadCheck.ID, EarsCheck.ID, BackgroundCheck.ID, ClothingContrastCheck.ID),
            BackgroundCheck.ID, Set.of(ClothingContrastCheck.ID));

    private RootCauses() {
    }

    /**
     * The results with root failures first (in root-cause order), then their knock-ons, then
     * warnings and passes in their original order.
     */
    public static List<CheckResult> order(List<CheckResult> results) {
        List<CheckResult> failed = new ArrayList<>(results.stream().filter(r -> !r.pass()).toList());
        failed.sort(Comparator.comparingInt(RootCauses::rank));
        List<CheckResult> roots = new ArrayList<>();
        List<CheckResult> knockOns = new ArrayList<>();
        List<CheckResult> warnings = new ArrayList<>();
        for (CheckResult r : failed) {
            String cause = roots.stream().map(CheckResult::id)
                    .filter(root -> KNOCK_ONS.getOrDefault(root, Set.of()).contains(r.id())).findFirst().orElse(null);
            if (cause != null) {
                knockOns.add(r.causedBy(cause));
            } else if (r.warning()) {
                warnings.add(r);
            } else {
                roots.add(r);
            }
        }
        List<CheckResult> out = new ArrayList<>(roots);
        out.addAll(knockOns);
        out.addAll(warnings);
        results.stream().filter(CheckResult::pass).forEach(out::add);
        return out;
    }

    private static int rank(CheckResult r) {
        int i = ORDER.indexOf(r.id());
        return i < 0 ? ORDER.size() : i;
    }
}
