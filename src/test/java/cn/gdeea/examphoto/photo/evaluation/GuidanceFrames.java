package cn.gdeea.examphoto.photo.evaluation;

import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.image.Images;
import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.support.FaceData;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Camera frames for the live guidance tests (other packages): guide-compliant portraits of real
 * people from the shared faces folder, and the violations the guidance must catch before the
 * shot — framing (too far, too close, off centre, head cut off, too low), pose (turned, tilted),
 * a second person, and light (dark, backlit, half shadow, blown out) — each fitted on a white
 * field of the camera's frame size. Deterministic.
 */
public final class GuidanceFrames {

    /** One frame: what it shows, whose portrait (0, 1, …), the server check it was made to fail (null when compliant), the pixels. */
    public record Frame(String label, int person, String violatedCheck, RgbImage image) {
    }

    private GuidanceFrames() {
    }

    static List<Violation> violations() {
        return List.of(FramingViolations.tooFar(), FramingViolations.tooClose(), FramingViolations.offCentre(),
                FramingViolations.headCutOff(), FramingViolations.tooLow(), PoseViolations.headTurned(),
                PoseViolations.headTilted(), FramingViolations.secondPerson(), LightViolations.darkPhoto(),
                LightViolations.backlit(), LightViolations.halfShadow(), LightViolations.blownHighlights());
    }

    /**
     * {@code people} people, each as {@code variants} compliant portraits and with every violation,
     * at {@code width}×{@code height}.
     */
    public static List<Frame> make(FaceEngine engine, int people, int variants, int width, int height) {
        var folder = FaceData.requireFolder();
        PortraitLabels labels = PortraitLabels.load();
        List<String> ids = PhotoCheckEvaluation.checkIds();
        List<Portrait> portraits = new ArrayList<>();
        for (CompliantPortraits.Source source : CompliantPortraits.sources(folder, labels)) {
            if (portraits.size() >= people * variants) {
                break;
            }
            // Only people known to comply with every check (ears free, no glasses…): the live
            // guidance cannot see everything the server checks, and is not asked to.
            if (!labels.with(source.path(), ids, PortraitLabels.Label.COMPLIANT).containsAll(ids)) {
                continue;
            }
            Optional<HeadCutout> head = CompliantPortraits.head(folder, source, engine);
            for (int v = 0; head.isPresent() && v < variants; v++) {
                portraits.add(CompliantPortraits.portrait(source, head.get(), v, engine, labels, ids));
            }
        }
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < portraits.size(); i++) {
            frames.add(new Frame("compliant", i / variants, null, fit(portraits.get(i).image(), width, height)));
        }
        for (Violation violation : violations()) {
            for (int i = 0; i < portraits.size(); i += variants) {
                Portrait p = portraits.get(i);
                Random random = new Random(CompliantPortraits.SEED ^ (violation.name() + "|" + p.source()).hashCode());
                frames.add(new Frame(violation.name(), i / variants, violation.targetCheck(),
                        fit(violation.apply(p, random), width, height)));
            }
        }
        return frames;
    }

    /** The image scaled to fit a white width×height field, centred. */
    public static RgbImage fit(RgbImage image, int width, int height) {
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        double scale = Math.min(width / (double) image.width(), height / (double) image.height());
        int w = (int) Math.round(image.width() * scale);
        int h = (int) Math.round(image.height() * scale);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(Images.toBufferedImage(image), (width - w) / 2, (height - h) / 2, w, h, null);
        g.dispose();
        return Images.fromBufferedImage(frame);
    }
}
