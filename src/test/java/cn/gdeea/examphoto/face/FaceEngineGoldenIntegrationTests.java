package cn.gdeea.examphoto.face;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.face.FaceApiReference.ReferenceFace;
import cn.gdeea.examphoto.face.FaceApiReference.ReferenceFaces;
import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.support.FaceData;
import cn.gdeea.examphoto.support.Skip;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves the ONNX port against {@code @vladmandic/face-api} itself, run on Node with the tfjs
 * wasm backend on the very same pixels: every face face-api finds is found, with box IoU ≥ 0.95,
 * every landmark within 2 px and the dlib descriptor at cosine similarity ≥ 0.999. For the
 * production descriptor path ({@link FaceEngine#describe(RgbImage, DetectedFace)} with the default
 * recogniser: alignment from the landmarks, the recogniser, normalisation, mirroring) it proves
 * that the descriptor made from face-api's own detection and landmarks equals ours (cosine
 * ≥ 0.995), on at least {@value #MIN_FACES} faces; the recogniser file itself runs unchanged.
 */
class FaceEngineGoldenIntegrationTests {

    /** Portraits, a couple, group photos and a small PASCAL VOC scene: big faces and small ones. */
    private static final List<String> PHOTOS = List.of(
            "deepface/img1.jpg", "deepface/img2.jpg", "deepface/img3.jpg", "deepface/img12.jpg",
            "deepface/couple.jpg", "face_recognition/two_people.jpg", "face_recognition/knn_examples/train/obama/obama.jpg",
            "face_recognition/knn_examples/test/kit_with_rose.jpg", "dlib/2008_001322.jpg", "dlib/2009_004587.jpg", "face-api.js/bbt1.jpg");

    private static final int MIN_FACES = 15;

    private static FaceEngine engine;
    private static final List<RgbImage> images = new ArrayList<>();
    private static List<ReferenceFaces> reference;

    @BeforeAll
    static void runBoth() {
        FaceApiReference.unavailableReason().ifPresent(reason -> Skip.because("face-api reference unavailable: " + reason));
        PHOTOS.forEach(p -> images.add(FaceData.image(p)));
        engine = FaceEngine.load(1, FaceEngine.DEFAULT_MIN_CONFIDENCE, Recogniser.FUSION);
        reference = FaceApiReference.detect(images);
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void findsEveryFaceFaceApiFindsWithTheSameBox() {
        int compared = 0;
        for (int i = 0; i < images.size(); i++) {
            List<DetectedFace> ours = engine.detect(images.get(i));
            for (ReferenceFace theirs : reference.get(i).faces()) {
                DetectedFace match = closest(ours, theirs);
                assertThat(match.box().iou(theirs.box())).as("box IoU in %s", PHOTOS.get(i)).isGreaterThanOrEqualTo(0.95);
                assertThat(match.score()).as("score in %s", PHOTOS.get(i)).isCloseTo(theirs.score(), org.assertj.core.data.Offset.offset(0.02));
                compared++;
            }
            assertThat(ours).as("faces in %s", PHOTOS.get(i)).hasSameSizeAs(reference.get(i).faces());
        }
        assertThat(compared).isGreaterThanOrEqualTo(MIN_FACES);
    }

    @Test
    void productionDescriptorFromFaceApiLandmarksEqualsOurs() {
        double lowest = 1;
        int compared = 0;
        for (int i = 0; i < images.size(); i++) {
            List<DetectedFace> ours = engine.detect(images.get(i));
            for (ReferenceFace theirs : reference.get(i).faces()) {
                DetectedFace match = closest(ours, theirs);
                DetectedFace faceApi = new DetectedFace(theirs.score(), theirs.box(), new FaceLandmarks(theirs.landmarks()));
                float[] fromOurs = engine.describe(images.get(i), match, FaceEngine.DEFAULT_RECOGNISER);
                float[] fromFaceApi = engine.describe(images.get(i), faceApi, FaceEngine.DEFAULT_RECOGNISER);
                lowest = Math.min(lowest, cosine(fromOurs, fromFaceApi));
                compared++;
            }
        }
        System.out.printf(Locale.ROOT, "production (%s) descriptors: %d faces, lowest cosine to the one from face-api's "
                + "landmarks %.6f%n", FaceEngine.DEFAULT_RECOGNISER, compared, lowest);
        assertThat(compared).isGreaterThanOrEqualTo(MIN_FACES);
        assertThat(lowest).isGreaterThanOrEqualTo(0.995);
    }

    @Test
    void placesEveryLandmarkWithinTwoPixelsOfFaceApi() {
        double worst = 0;
        for (int i = 0; i < images.size(); i++) {
            List<DetectedFace> ours = engine.detect(images.get(i));
            for (ReferenceFace theirs : reference.get(i).faces()) {
                List<Point> points = closest(ours, theirs).landmarks().points();
                for (int p = 0; p < 68; p++) {
                    worst = Math.max(worst, points.get(p).distanceTo(theirs.landmarks().get(p)));
                }
            }
        }
        System.out.printf(Locale.ROOT, "largest landmark difference from face-api: %.3f px%n", worst);
        assertThat(worst).isLessThanOrEqualTo(2.0);
    }

    @Test
    void computesTheSameDescriptorsAsFaceApi() {
        double lowest = 1;
        int compared = 0;
        for (int i = 0; i < images.size(); i++) {
            List<DetectedFace> ours = engine.detect(images.get(i));
            for (ReferenceFace theirs : reference.get(i).faces()) {
                DetectedFace match = closest(ours, theirs);
                if (!match.alignedBox().isInside(images.get(i).width(), images.get(i).height())) {
                    continue; // we deliberately keep, rather than clip, a face region past the edge
                }
                lowest = Math.min(lowest, cosine(engine.describeAsFaceApi(images.get(i), match), theirs.descriptor()));
                compared++;
            }
        }
        System.out.printf(Locale.ROOT, "lowest dlib descriptor cosine similarity to face-api: %.6f over %d faces%n", lowest, compared);
        assertThat(compared).isGreaterThanOrEqualTo(MIN_FACES - 3);
        assertThat(lowest).isGreaterThanOrEqualTo(0.999);
    }

    private static DetectedFace closest(List<DetectedFace> ours, ReferenceFace theirs) {
        return ours.stream().max(Comparator.comparingDouble(f -> f.box().iou(theirs.box())))
                .orElseThrow(() -> new AssertionError("face-api found a face the engine did not: " + theirs.box()));
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
