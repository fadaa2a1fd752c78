package cn.gdeea.examphoto.photo.internal;

import java.util.List;

/**
 * The registry of checks run on a photo with exactly one face, in the order the report lists
 * them. Adding a rule of the photo guide is one line here.
 */
public final class Checks {

    private Checks() {
    }

    public static List<PhotoCheck> all() {
        return List.of(
                new FaceSizeCheck(),
                new FacePositionCheck(),
                new PoseCheck(),
                new EyesOpenCheck(),
                new GlassesCheck(),
                new ForeheadCheck(),
                new EarsCheck(),
                new BackgroundCheck(),
                new ClothingContrastCheck(),
                new IlluminationCheck(),
                new ExposureCheck(),
                new SharpnessCheck(),
                new RetouchingCheck());
    }
}
