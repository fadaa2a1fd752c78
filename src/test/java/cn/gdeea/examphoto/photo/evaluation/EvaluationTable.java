package cn.gdeea.examphoto.photo.evaluation;

import cn.gdeea.examphoto.support.Proportion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tallies of the evaluation: per check, how many violations it caught and how many compliant
 * portraits it wrongly failed; per violation, how many its check caught. Thread-safe.
 */
final class EvaluationTable {

    static final double MIN_CAUGHT = 0.90;
    static final double MAX_FALSE_FAILURES = 0.05;
    /** eyes_open's own bar for open eyes wrongly failed (smiles and squints included). */
    static final double MAX_FALSE_EYES_OPEN = 0.03;
    static final double MIN_FIRST_REASON = 0.90;

    /** Counts of one row. */
    static final class Tally {
        final Map<String, Integer> alsoFailed = new TreeMap<>();
        int caught;
        int first;
        int violations;
        int earlier;
        int falseFailures;
        int compliant;

        double caughtRate() {
            return violations == 0 ? Double.NaN : caught / (double) violations;
        }

        double falseRate() {
            return compliant == 0 ? Double.NaN : falseFailures / (double) compliant;
        }

        double firstRate() {
            return violations == 0 ? Double.NaN : first / (double) violations;
        }
    }

    private final Map<String, Tally> checks = new TreeMap<>();
    private final Map<String, Tally> violations = new TreeMap<>();
    private final Map<String, String> violationTargets = new TreeMap<>();
    private final Set<String> informational = new TreeSet<>();
    private final List<String> notes = new ArrayList<>();

    synchronized void compliant(String check, boolean failed) {
        Tally t = checks.computeIfAbsent(check, k -> new Tally());
        t.compliant++;
        t.falseFailures += failed ? 1 : 0;
    }

    /**
     * One violation of {@code check}; {@code caught} when that check failed, {@code earlier}
     * when it did not run because an earlier check (image, single_face) already stopped the photo.
     */
    synchronized void violation(String name, String check, boolean caught, boolean earlier, Set<String> others,
                                boolean first) {
        others.forEach(o -> violations.computeIfAbsent(name, k -> new Tally()).alsoFailed.merge(o, 1, Integer::sum));
        for (Tally t : List.of(checks.computeIfAbsent(check, k -> new Tally()),
                violations.computeIfAbsent(name, k -> new Tally()))) {
            t.violations++;
            t.caught += caught ? 1 : 0;
            t.earlier += earlier ? 1 : 0;
            t.first += first ? 1 : 0;
        }
        violationTargets.put(name, check);
    }

    /** A violation shown in the table for the record but not counted towards its check's bar. */
    synchronized void informational(String name, String check, boolean caught, boolean earlier, Set<String> others,
                                    boolean first) {
        Tally t = violations.computeIfAbsent(name, k -> new Tally());
        others.forEach(o -> t.alsoFailed.merge(o, 1, Integer::sum));
        t.violations++;
        t.caught += caught ? 1 : 0;
        t.earlier += earlier ? 1 : 0;
        t.first += first ? 1 : 0;
        violationTargets.put(name, check);
        informational.add(name);
    }

    synchronized void note(String line) {
        notes.add(line);
    }

    /** Checks that miss a bar, with the figures. */
    synchronized List<String> failures() {
        List<String> out = new ArrayList<>();
        checks.forEach((check, t) -> {
            if (t.violations > 0 && t.caughtRate() < MIN_CAUGHT) {
                out.add(String.format(Locale.ROOT, "%s caught %d/%d violations (bar %.0f%%)", check, t.caught,
                        t.violations, MIN_CAUGHT * 100));
            }
            if (t.compliant > 0 && t.falseRate() > maxFalse(check)) {
                out.add(String.format(Locale.ROOT, "%s failed %d/%d compliant portraits (bar %.0f%%)", check,
                        t.falseFailures, t.compliant, maxFalse(check) * 100));
            }
        });
        violations.forEach((name, t) -> {
            if (!informational.contains(name) && t.violations > 0 && t.firstRate() < MIN_FIRST_REASON) {
                out.add(String.format(Locale.ROOT, "%s: first reason is %s in %d/%d photos (bar %.0f%%)", name,
                        violationTargets.get(name), t.first, t.violations, MIN_FIRST_REASON * 100));
            }
        });
        return out;
    }

    synchronized String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Intervals are Clopper–Pearson 95%. Bars: at least 90% of violations caught, at most 5% of compliant "
                + "portraits wrongly failed (3% for `eyes_open`), and for each violation at least 90% of photos told the "
                + "violated check as their first reason.\n\n");
        md.append("| check | violations caught | compliant wrongly failed | first reason is this check | bars |\n");
        md.append("|---|---|---|---|---|\n");
        checks.forEach((check, t) -> md.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s |%n", check,
                new Proportion(t.caught, t.violations), new Proportion(t.falseFailures, t.compliant),
                new Proportion(t.first, t.violations), meets(check, t) ? "met" : "**not met**")));
        md.append("\n| violation | check | caught | first reason is the check | stopped earlier by `single_face` | "
                + "other checks failed that the portrait had passed (photos; knock-ons included) |\n");
        md.append("|---|---|---|---|---|---|\n");
        violations.forEach((name, t) -> md.append(String.format(Locale.ROOT, "| %s%s | `%s` | %s | %s | %d | %s |%n", name,
                informational.contains(name) ? " (known gap, not counted)" : "", violationTargets.get(name),
                new Proportion(t.caught, t.violations), new Proportion(t.first, t.violations), t.earlier, others(t))));
        if (!notes.isEmpty()) {
            md.append('\n');
            notes.forEach(n -> md.append(n).append('\n'));
        }
        return md.toString();
    }

    private static String others(Tally t) {
        StringBuilder out = new StringBuilder();
        t.alsoFailed.forEach((check, n) -> out.append(out.length() == 0 ? "" : ", ").append(check).append(' ').append(n));
        return out.length() == 0 ? "–" : out.toString();
    }

    private static boolean meets(String check, Tally t) {
        return !(t.violations > 0 && t.caughtRate() < MIN_CAUGHT) && !(t.compliant > 0 && t.falseRate() > maxFalse(check));
    }

    private static double maxFalse(String check) {
        return "eyes_open".equals(check) ? MAX_FALSE_EYES_OPEN : MAX_FALSE_FAILURES;
    }

    private static String ratio(int part, int whole, double rate) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%d/%d (%.1f%%)", part, whole, rate * 100);
    }
}
