package cn.gdeea.examphoto.photo.evaluation;

import static cn.gdeea.examphoto.photo.evaluation.Violations.between;

import cn.gdeea.examphoto.image.RgbImage;
import java.awt.Color;
import java.util.Random;

/**
 * The wall and the clothes (白色背景墙，着装与背景颜色不同): the same person photographed against a
 * grey wall, a textured wall (brick, wallpaper, plaster), a cluttered room, or in clothes the
 * colour of the wall.
 */
final class BackdropViolations {

    private BackdropViolations() {
    }

    /** A mid-grey wall (RGB 105–180, slightly warm or cool): a grey wall or a white one in dim light. */
    static Violation greyWall() {
        return Violations.of("grey_background", "background", (p, r) -> {
            int level = 105 + r.nextInt(76);
            int tint = r.nextInt(9) - 4;
            Color grey = new Color(level + tint, level, level - tint);
            return CompliantPortraits.recompose(p, f -> f.withWall(grey, between(r, 0.02, 0.1)), Scene.PLAIN, r);
        });
    }

    /** Brick (red or painted white), patterned wallpaper or rough plaster behind the person. */
    static Violation texturedWall() {
        return Violations.of("textured_background", "background", (p, r) -> {
            int kind = r.nextInt(3);
            return behind(p, r, (w, h, unit) -> switch (kind) {
                case 0 -> WallTextures.brick(w, h, unit, r);
                case 1 -> WallTextures.wallpaper(w, h, unit, r);
                default -> WallTextures.plaster(w, h, unit, r);
            });
        });
    }

    /** A room behind the person: door frame, poster, shelf, window, plant. */
    static Violation clutteredRoom() {
        return Violations.of("cluttered_background", "background",
                (p, r) -> behind(p, r, (w, h, unit) -> WallTextures.room(w, h, unit, r)));
    }

    /**
     * White, off-white or very light grey clothes against the white wall, the shoulders in the
     * picture (the face made smaller when the portrait had cut them off).
     */
    static Violation clothingLikeWall() {
        return Violations.of("clothing_like_background", "clothing_contrast", (p, r) -> {
            Framing framing = CompliantPortraits.framingOf(p);
            Color wall = framing.wall();
            double k = between(r, 0.93, 1.04);
            Color cloth = new Color(clamp(wall.getRed() * k), clamp(wall.getGreen() * k), clamp(wall.getBlue() * k - r.nextInt(4)));
            double share = Math.min(framing.faceShare(), 0.33);
            double eyeLine = Math.min(framing.eyeLine(), 0.40);
            return CompliantPortraits.recompose(p, f -> f.withClothing(cloth).withFace(share, eyeLine, f.centre()),
                    Scene.PLAIN, r);
        });
    }

    /** Paints a background {@code width × height} at {@code unit} pixels per eye distance. */
    interface Painter {
        Canvas paint(int width, int height, double unit);
    }

    /**
     * The portrait's person in front of a painted background. The person's matte comes from two
     * renders of the same composition and camera noise, on a black and on a white wall: where
     * they differ, and by how much, is the wall showing through.
     */
    static RgbImage behind(Portrait p, Random r, Painter painter) {
        Framing framing = CompliantPortraits.framingOf(p);
        long seed = r.nextLong();
        RgbImage onBlack = CompliantPortraits.recompose(p, f -> f.withWall(Color.BLACK, 0), Scene.PLAIN, new Random(seed));
        RgbImage onWhite = CompliantPortraits.recompose(p, f -> f.withWall(Color.WHITE, 0), Scene.PLAIN, new Random(seed));
        Canvas white = PortraitRenderer.wall(framing.withWall(Color.WHITE, 0));
        Canvas background = painter.paint(framing.width(), framing.height(), framing.unit());
        Canvas out = new Canvas(framing.width(), framing.height());
        byte[] b = onBlack.pixels();
        byte[] w = onWhite.pixels();
        for (int i = 0; i < b.length; i += 3) {
            double show = 0;
            for (int c = 0; c < 3; c++) {
                show += ((w[i + c] & 0xFF) - (b[i + c] & 0xFF)) / Math.max(1.0, white.rgb[i + c]);
            }
            show = Math.max(0, Math.min(1, show / 3));
            for (int c = 0; c < 3; c++) {
                out.rgb[i + c] = (float) ((b[i + c] & 0xFF) + show * background.rgb[i + c]);
            }
        }
        out.addNoise(framing.noise() * 0.5, r);
        return out.jpeg(framing.jpegQuality());
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
