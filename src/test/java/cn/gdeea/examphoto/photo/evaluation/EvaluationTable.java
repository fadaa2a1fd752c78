package cn.gdeea.examphoto.photo.evaluation;

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

    /** Counts of one row. */
    static final class Tally {
        final Map<String, Integer> alsoFailed = new TreeMap<>();
        int caught;
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
    synchronized void violation(String name, String check, boolean caught, boolean earlier, Set<String> others) {
        others.forEach(o -> violations.computeIfAbsent(name, k -> new Tally()).alsoFailed.merge(o, 1, Integer::sum));
        for (Tally t : List.of(checks.computeIfAbsent(check, k -> new Tally()),
                violations.computeIfAbsent(name, k -> new Tally()))) {
            t.violations++;
            t.caught += caught ? 1 : 0;
            t.earlier += earlier ? 1 : 0;
        }
        violationTargets.put(name, check);
    }

    /** A violation shown in the table for the record but not counted towards its check's bar. */
    synchronized void informational(String name, String check, boolean caught, boolean earlier, Set<String> others) {
        Tally t = violations.computeIfAbsent(name, k -> new Tally());
        others.forEach(o -> t.alsoFailed.merge(o, 1, Integer::sum));
        t.violations++;
        t.caught += caught ? 1 : 0;
        t.earlier += earlier ? 1 : 0;
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
            if (t.compliant > 0 && t.falseRate() > MAX_FALSE_FAILURES) {
                out.add(String.format(Locale.ROOT, "%s failed %d/%d compliant portraits (bar %.0f%%)", check,
                        t.falseFailures, t.compliant, MAX_FALSE_FAILURES * 100));
            }
        });
        return out;
    }

    synchronized String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| check | violations caught | compliant wrongly failed | bars |\n");
        md.append("|---|---|---|---|\n");
        checks.forEach((check, t) -> md.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s |%n", check,
                ratio(t.caught, t.violations, t.caughtRate()), ratio(t.falseFailures, t.compliant, t.falseRate()),
                meets(t) ? "met" : "**missed**")));
        md.append("\n| violation | check | caught | stopped earlier by `single_face` | other checks failed that the portrait had passed (photos) |\n");
        md.append("|---|---|---|---|---|\n");
        violations.forEach((name, t) -> md.append(String.format(Locale.ROOT, "| %s%s | `%s` | %s | %d | %s |%n", name,
                informational.contains(name) ? " (known gap, not counted)" : "", violationTargets.get(name),
                ratio(t.caught, t.violations, t.caughtRate()), t.earlier, others(t))));
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

    private static boolean meets(Tally t) {
        return !(t.violations > 0 && t.caughtRate() < MIN_CAUGHT) && !(t.compliant > 0 && t.falseRate() > MAX_FALSE_FAILURES);
    }

    private static String ratio(int part, int whole, double rate) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%d/%d (%.1f%%)", part, whole, rate * 100);
    }
}
