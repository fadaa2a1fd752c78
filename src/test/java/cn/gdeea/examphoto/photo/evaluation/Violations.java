package cn.gdeea.examphoto.photo.evaluation;

import cn.gdeea.examphoto.image.RgbImage;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/** Every violation the evaluation applies; adding one is one line here. */
final class Violations {

    private Violations() {
    }

    static List<Violation> all() {
        return List.of(
                LightViolations.halfShadow(),
                LightViolations.blownHighlights(),
                LightViolations.darkPhoto(),
                LightViolations.backlit(),
                CameraViolations.blur(),
                CameraViolations.beautyFilter(),
                FramingViolations.tooFar(),
                FramingViolations.tooClose(),
                FramingViolations.offCentre(),
                FramingViolations.headCutOff(),
                FramingViolations.tooLow(),
                PoseViolations.headTurned(),
                PoseViolations.headTilted(),
                PoseViolations.headRaised(),
                PoseViolations.headLowered(),
                EyeViolations.closedEyes(),
                FramingViolations.secondPerson(),
                GlassesViolations.thinMetal(),
                GlassesViolations.thickBlack(),
                GlassesViolations.rimlessWithGlare(),
                HairViolations.fringe(),
                HairViolations.overEars(),
                BackdropViolations.greyWall(),
                BackdropViolations.texturedWall(),
                BackdropViolations.clutteredRoom(),
                BackdropViolations.clothingLikeWall());
    }

    /** Violations reported in the table but not held to the bars: known gaps, kept visible (none at present). */
    static List<Violation> informational() {
        return List.of();
    }

    /** A violation from a name, the check that must catch it, and how to make it. */
    static Violation of(String name, String targetCheck, BiFunction<Portrait, Random, RgbImage> make) {
        return new Violation() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String targetCheck() {
                return targetCheck;
            }

            @Override
            public RgbImage apply(Portrait portrait, Random random) {
                return make.apply(portrait, random);
            }
        };
    }

    static double between(Random random, double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    static double sign(Random random) {
        return random.nextBoolean() ? 1 : -1;
    }
}
