package cn.gdeea.examphoto.photo.internal;

/**
 * CIE L*a*b* (D65) colours, the space where "looks the same colour" is a distance: photo-guide
 * rules about skin, background and clothing colour are thresholds on it.
 */
record Lab(double l, double a, double b) {

    private static final double[] LINEAR = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    static Lab ofRgb(double r, double g, double b) {
        double lr = linear(r);
        double lg = linear(g);
        double lb = linear(b);
        double x = (0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb) / 0.95047;
        double y = 0.2126729 * lr + 0.7151522 * lg + 0.0721750 * lb;
        double z = (0.0193339 * lr + 0.1191920 * lg + 0.9503041 * lb) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new Lab(116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    private static double linear(double channel) {
        double c = Math.max(0, Math.min(255, channel));
        int i = (int) c;
        if (i >= 255) {
            return LINEAR[255];
        }
        double t = c - i;
        return LINEAR[i] * (1 - t) + LINEAR[i + 1] * t;
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }

    double chroma() {
        return Math.hypot(a, b);
    }

    /** CIE76 colour difference ΔE*ab. */
    double distance(Lab other) {
        return Math.sqrt(sq(l - other.l) + sq(a - other.a) + sq(b - other.b));
    }

    /** Difference in colour alone, ignoring lightness. */
    double chromaDistance(Lab other) {
        return Math.hypot(a - other.a, b - other.b);
    }

    private static double sq(double d) {
        return d * d;
    }
}
