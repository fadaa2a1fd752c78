package cn.gdeea.examphoto.photo.evaluation;

/** Separable box blur of a single-channel float image; twice gives a near-Gaussian. */
final class Blur {

    private Blur() {
    }

    static float[] box(float[] in, int w, int h, int r) {
        float[] tmp = new float[in.length];
        float[] out = new float[in.length];
        for (int y = 0; y < h; y++) {
            pass(in, tmp, y * w, 1, w, r);
        }
        for (int x = 0; x < w; x++) {
            pass(tmp, out, x, w, h, r);
        }
        return out;
    }

    private static void pass(float[] in, float[] out, int start, int stride, int n, int r) {
        float sum = 0;
        int count = 0;
        for (int i = 0; i < Math.min(r, n); i++) {
            sum += in[start + i * stride];
            count++;
        }
        for (int i = 0; i < n; i++) {
            int add = i + r;
            if (add < n) {
                sum += in[start + add * stride];
                count++;
            }
            int drop = i - r - 1;
            if (drop >= 0) {
                sum -= in[start + drop * stride];
                count--;
            }
            out[start + i * stride] = sum / count;
        }
    }
}
