package cn.gdeea.examphoto.photo.evaluation;

import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.CheckResult;
import cn.gdeea.examphoto.photo.CheckSettings;
import cn.gdeea.examphoto.photo.PhotoChecker;
import cn.gdeea.examphoto.photo.PhotoCheckReport;
import cn.gdeea.examphoto.photo.internal.Checks;
import cn.gdeea.examphoto.photo.internal.FacePhoto;
import cn.gdeea.examphoto.photo.internal.PhotoCheck;
import cn.gdeea.examphoto.photo.internal.SingleFace;
import cn.gdeea.examphoto.support.IdentitySplit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the labelled evaluation set — compliant portraits from the real photos, and every
 * {@link Violations#all() violation} applied to a share of them — runs the {@link PhotoChecker}
 * on each and tallies the outcome per check. Deterministic: fixed seeds, and the results do not
 * depend on the order in which the threads finish.
 */
final class PhotoCheckEvaluation {

    private final Path folder;
    private final FaceEngine engine;
    private final PhotoChecker checker;
    private final int variants;
    private final int perViolation;
    private final Path samples;
    private final IdentitySplit.Half half;
    private final EvaluationTable table = new EvaluationTable();
    private final AtomicLong checkNanos = new AtomicLong();
    /** eyes_open's measured value on compliant portraits and on closed-eye violations, for calibrating its threshold. */
    private final List<Double> openValues = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> closedValues = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong checkedPhotos = new AtomicLong();

    /**
     * @param variants     portraits composed per source photo
     * @param perViolation at most this many photos per violation
     * @param samples      folder to write every photo made to, as PNG, or null
     * @param half         the half of the identity split whose photos are used, or null for all
     */
    PhotoCheckEvaluation(Path folder, FaceEngine engine, PhotoChecker checker, int variants, int perViolation, Path samples,
                         IdentitySplit.Half half) {
        this.half = half;
        this.folder = folder;
        this.engine = engine;
        this.checker = checker;
        this.variants = variants;
        this.perViolation = perViolation;
        this.samples = samples;
    }

    EvaluationTable run(int threads) throws Exception {
        PortraitLabels labels = PortraitLabels.load();
        List<String> ids = checkIds();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            IdentitySplit split = IdentitySplit.load();
            List<CompliantPortraits.Source> sources = CompliantPortraits.sources(folder, labels).stream()
                    .filter(s -> half == null || split.half(s.path()) == half).toList();
            List<Future<Optional<HeadCutout>>> heads = new ArrayList<>();
            for (CompliantPortraits.Source s : sources) {
                heads.add(pool.submit(() -> CompliantPortraits.head(folder, s, engine)));
            }
            List<Future<Portrait>> made = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                Optional<HeadCutout> head = heads.get(i).get();
                if (head.isEmpty()) {
                    table.note("- skipped `" + sources.get(i).path() + "`: no single clear face with enough pixels");
                    continue;
                }
                for (int v = 0; v < variants; v++) {
                    CompliantPortraits.Source source = sources.get(i);
                    int variant = v;
                    made.add(pool.submit(() -> CompliantPortraits.portrait(source, head.get(), variant, engine, labels, ids)));
                }
            }
            List<Portrait> portraits = new ArrayList<>();
            for (Future<Portrait> f : made) {
                portraits.add(f.get());
            }
            portraits.sort(Comparator.comparing(Portrait::source));
            List<Future<?>> work = new ArrayList<>();
            for (Portrait p : portraits) {
                work.add(pool.submit(() -> checkPortrait(p, labels, ids)));
            }
            // -Dexamphoto.evaluation.violations=REGEX runs only the violations whose names match (a quick look at a few checks).
            java.util.regex.Pattern only = java.util.regex.Pattern.compile(System.getProperty("examphoto.evaluation.violations", ".*"));
            List<Violation> violations = new ArrayList<>(Violations.all().stream().filter(v -> only.matcher(v.name()).matches()).toList());
            int counted = violations.size();
            violations.addAll(Violations.informational().stream().filter(v -> only.matcher(v.name()).matches()).toList());
            for (int vi = 0; vi < violations.size(); vi++) {
                Violation violation = violations.get(vi);
                boolean informational = vi >= counted;
                for (Portrait p : chosen(portraits, violation, vi)) {
                    work.add(pool.submit(() -> checkViolation(violation, p, informational)));
                }
            }
            for (Future<?> f : work) {
                f.get();
            }
            table.note(String.format(Locale.ROOT,
                    "%d compliant portraits from %d source photos (%s); checks after face detection took %.1f ms per photo "
                            + "on average (one thread).", portraits.size(), sources.size(),
                    half == null ? "both halves of the identity split" : half == IdentitySplit.Half.HELD_OUT
                            ? "held-out half of the identity split" : "calibration half of the identity split",
                    checkNanos.get() / 1e6 / Math.max(1, checkedPhotos.get())));
            table.note("`eyes_open` values (least-open eye's probability): compliant portraits, lowest ten "
                    + lowest(openValues, false) + "; closed-eye violations, highest ten " + lowest(closedValues, true) + ".");
            return table;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String lowest(List<Double> values, boolean highest) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(highest ? Comparator.reverseOrder() : Comparator.naturalOrder());
        return sorted.subList(0, Math.min(10, sorted.size())).stream()
                .map(v -> String.format(Locale.ROOT, "%.3f", v)).toList().toString();
    }

    /** Image, single_face and every registered check, in report order. */
    static List<String> checkIds() {
        List<String> ids = new ArrayList<>(List.of(PhotoChecker.IMAGE, SingleFace.ID));
        for (PhotoCheck c : Checks.all()) {
            ids.add(c.id());
        }
        return ids;
    }

    private void checkPortrait(Portrait p, PortraitLabels labels, List<String> ids) {
        write(p.image(), "compliant", p.source());
        PhotoCheckReport report = checker.check(p.image());
        String path = CompliantPortraits.sourcePath(p);
        result(report, "eyes_open").ifPresent(r -> openValues.add(r.value()));
        for (String check : ids) {
            Optional<CheckResult> result = result(report, check);
            if (p.compliantWith().contains(check)) {
                table.compliant(check, result.map(r -> !r.pass()).orElse(!report.pass()));
            }
        }
        for (String check : labels.with(path, ids, PortraitLabels.Label.VIOLATES)) {
            Optional<CheckResult> result = result(report, check);
            table.violation("real photo (" + check + ")", check, result.map(r -> !r.pass()).orElse(false),
                    result.isEmpty() && !report.pass(), otherFailures(report, check, p), firstReasonIs(report, check));
        }
        if (report.face() != null) {
            FacePhoto photo = new FacePhoto(report.image(), report.face(), CheckSettings.defaults(),
                    engine.eyeState(report.image(), report.face()));
            long start = System.nanoTime();
            for (PhotoCheck c : Checks.all()) {
                c.check(photo);
            }
            checkNanos.addAndGet(System.nanoTime() - start);
            checkedPhotos.incrementAndGet();
        }
    }

    private void checkViolation(Violation violation, Portrait p, boolean informational) {
        Random random = new Random(CompliantPortraits.SEED ^ (violation.name() + "|" + p.source()).hashCode());
        RgbImage image = violation.apply(p, random);
        write(image, violation.name(), p.source());
        PhotoCheckReport report = checker.check(image);
        Optional<CheckResult> result = result(report, violation.targetCheck());
        boolean caught = result.map(r -> !r.pass()).orElse(false);
        if (violation.targetCheck().equals("eyes_open")) {
            result.ifPresent(r -> closedValues.add(r.value()));
        }
        boolean earlier = result.isEmpty() && !report.pass();
        Set<String> others = otherFailures(report, violation.targetCheck(), p);
        boolean first = firstReasonIs(report, violation.targetCheck());
        if (informational) {
            table.informational(violation.name(), violation.targetCheck(), caught, earlier, others, first);
        } else {
            table.violation(violation.name(), violation.targetCheck(), caught, earlier, others, first);
        }
    }

    /** Whether the first reason the candidate is told is {@code check}. */
    private static boolean firstReasonIs(PhotoCheckReport report, String check) {
        return !report.reasons().isEmpty() && report.reasons().get(0).id().equals(check);
    }

    /**
     * The checks other than {@code target} that failed although the portrait complied with them
     * before the violation: what else the candidate would be told.
     */
    private static Set<String> otherFailures(PhotoCheckReport report, String target, Portrait before) {
        Set<String> out = new TreeSet<>();
        report.failures().stream().map(CheckResult::id)
                .filter(id -> !id.equals(target) && before.compliantWith().contains(id))
                .forEach(out::add);
        return out;
    }

    /**
     * The portraits a violation is applied to: those that comply with its check and have a face,
     * one variant per source photo (a different one per violation), at most {@link #perViolation}.
     */
    private List<Portrait> chosen(List<Portrait> portraits, Violation violation, int index) {
        List<Portrait> eligible = new ArrayList<>();
        for (int i = 0; i < portraits.size(); i++) {
            Portrait p = portraits.get(i);
            int variant = Integer.parseInt(p.source().substring(p.source().lastIndexOf('#') + 1));
            if (p.face() != null && p.compliantWith().contains(violation.targetCheck()) && variant == index % variants) {
                eligible.add(p);
            }
        }
        Collections.shuffle(eligible, new Random(CompliantPortraits.SEED + index));
        return eligible.subList(0, Math.min(perViolation, eligible.size()));
    }

    private static Optional<CheckResult> result(PhotoCheckReport report, String check) {
        return report.checks().stream().filter(c -> c.id().equals(check)).findFirst();
    }

    private void write(RgbImage image, String kind, String source) {
        if (samples == null) {
            return;
        }
        try {
            Path dir = samples.resolve(kind);
            Files.createDirectories(dir);
            Canvas.writePng(image, dir.resolve(source.replaceAll("[/#]", "_") + ".png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
