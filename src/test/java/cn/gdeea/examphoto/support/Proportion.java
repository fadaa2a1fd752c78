package cn.gdeea.examphoto.support;

import java.util.Locale;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * A measured share {@code k / n} with its exact (Clopper–Pearson) 95% confidence interval, as
 * every published figure of the evaluations is quoted.
 */
public record Proportion(int k, int n) {

    public double rate() {
        return n == 0 ? Double.NaN : k / (double) n;
    }

    public double lower() {
        return n == 0 || k == 0 ? 0 : new BetaDistribution(k, n - k + 1).inverseCumulativeProbability(0.025);
    }

    public double upper() {
        return n == 0 || k == n ? 1 : new BetaDistribution(k + 1, n - k).inverseCumulativeProbability(0.975);
    }

    /** {@code k/n (r%, 95% CI lo–hi%)}. */
    @Override
    public String toString() {
        if (n == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%d/%d (%s%%, CI %s–%s%%)", k, n, pct(rate()), pct(lower()), pct(upper()));
    }

    private static String pct(double r) {
        double p = 100 * r;
        return p != 0 && p < 1 ? String.format(Locale.ROOT, "%.2f", p) : String.format(Locale.ROOT, "%.1f", p);
    }
}
