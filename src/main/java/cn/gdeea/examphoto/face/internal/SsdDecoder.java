package cn.gdeea.examphoto.face.internal;

import cn.gdeea.examphoto.face.Box;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the detector's raw outputs into face boxes: decodes box encodings against the SSD
 * anchors ({@code Output/extra_dim}), applies the sigmoid to the face class and runs face-api's
 * greedy non-maximum suppression.
 */
final class SsdDecoder {

    /** A detection in the padded square input's relative coordinates, [ymin, xmin, ymax, xmax]. */
    record Candidate(int index, float score, float ymin, float xmin, float ymax, float xmax) {
    }

    private static final double IOU_THRESHOLD = 0.5;

    private final float[] anchors;

    SsdDecoder(WeightManifest weights) {
        this.anchors = weights.get("Output/extra_dim").values();
    }

    int anchorCount() {
        return anchors.length / 4;
    }

    /** Decoded boxes above {@code minScore}, best first, overlapping ones suppressed. */
    List<Candidate> decode(float[] encodings, float[] logits, double minScore, int maxResults) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < anchorCount(); i++) {
            float score = (float) (1 / (1 + Math.exp(-logits[i * 3 + 1])));
            if (score > minScore) {
                candidates.add(box(i, score, encodings));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Candidate> selected = new ArrayList<>();
        for (Candidate c : candidates) {
            if (selected.size() >= maxResults) {
                break;
            }
            boolean suppressed = false;
            for (Candidate s : selected) {
                if (iou(c, s) > IOU_THRESHOLD) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                selected.add(c);
            }
        }
        return selected;
    }

    private Candidate box(int i, float score, float[] enc) {
        float aymin = anchors[i * 4];
        float axmin = anchors[i * 4 + 1];
        float h = anchors[i * 4 + 2] - aymin;
        float w = anchors[i * 4 + 3] - axmin;
        float cy = aymin + h / 2;
        float cx = axmin + w / 2;
        float halfH = (float) Math.exp(enc[i * 4 + 2] / 5) * h / 2;
        float centreY = enc[i * 4] / 10 * h + cy;
        float halfW = (float) Math.exp(enc[i * 4 + 3] / 5) * w / 2;
        float centreX = enc[i * 4 + 1] / 10 * w + cx;
        return new Candidate(i, score, centreY - halfH, centreX - halfW, centreY + halfH, centreX + halfW);
    }

    private static double iou(Candidate a, Candidate b) {
        double areaA = (a.ymax - a.ymin) * (a.xmax - a.xmin);
        double areaB = (b.ymax - b.ymin) * (b.xmax - b.xmin);
        if (areaA <= 0 || areaB <= 0) {
            return 0;
        }
        double ih = Math.max(0, Math.min(a.ymax, b.ymax) - Math.max(a.ymin, b.ymin));
        double iw = Math.max(0, Math.min(a.xmax, b.xmax) - Math.max(a.xmin, b.xmin));
        double inter = ih * iw;
        return inter / (areaA + areaB - inter);
    }

    /**
     * The candidate as a box in photo pixels. The detector saw the photo padded to a square at
     * the bottom/right; like face-api, each axis is scaled back through the photo's rounded
     * size in the 512-pixel input, which keeps our boxes identical to face-api's.
     */
    static Box toImageBox(Candidate c, int imageWidth, int imageHeight) {
        double inputScale = (double) SsdMobilenetGraph.INPUT_SIZE / Math.max(imageWidth, imageHeight);
        double padX = SsdMobilenetGraph.INPUT_SIZE / (double) Math.round(imageWidth * inputScale);
        double padY = SsdMobilenetGraph.INPUT_SIZE / (double) Math.round(imageHeight * inputScale);
        double top = Math.max(0, c.ymin) * padY * imageHeight;
        double bottom = Math.min(1, c.ymax) * padY * imageHeight;
        double left = Math.max(0, c.xmin) * padX * imageWidth;
        double right = Math.min(1, c.xmax) * padX * imageWidth;
        return new Box(left, top, right - left, bottom - top);
    }
}
