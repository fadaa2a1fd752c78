package cn.gdeea.examphoto.photo.evaluation;

import java.awt.Color;

/**
 * How a composed portrait is taken: photo size, where the face sits and how large it is, and
 * the scene (wall, clothing, camera noise and JPEG quality).
 *
 * @param faceShare    brow-to-chin height as a share of the photo height
 * @param eyeLine      height of the eye line as a share of the photo height, from the top
 * @param centre       horizontal position of the face centre as a share of the photo width
 * @param roll         head roll in degrees (positive: clockwise in the image)
 * @param wall         wall colour in the middle of the photo
 * @param wallGradient relative brightness change across the photo (light falls off to one side)
 * @param clothing     clothing colour
 */
record Framing(int width, int height, double faceShare, double eyeLine, double centre, double roll,
               Color wall, double wallGradient, double wallGradientAngle, Color clothing, boolean collar,
               double noise, float jpegQuality) {

    /** Frame units (eye distances) from brow to chin; see {@link FaceAxes}. */
    static final double BROW_TO_CHIN = 2.1;

    double unit() {
        return faceShare * height / BROW_TO_CHIN;
    }

    Framing withFace(double newFaceShare, double newEyeLine, double newCentre) {
        return new Framing(width, height, newFaceShare, newEyeLine, newCentre, roll, wall, wallGradient,
                wallGradientAngle, clothing, collar, noise, jpegQuality);
    }

    Framing withRoll(double newRoll) {
        return new Framing(width, height, faceShare, eyeLine, centre, newRoll, wall, wallGradient,
                wallGradientAngle, clothing, collar, noise, jpegQuality);
    }

    Framing withClothing(Color newClothing) {
        return new Framing(width, height, faceShare, eyeLine, centre, roll, wall, wallGradient,
                wallGradientAngle, newClothing, collar, noise, jpegQuality);
    }

    Framing withWall(Color newWall, double newGradient) {
        return new Framing(width, height, faceShare, eyeLine, centre, roll, newWall, newGradient,
                wallGradientAngle, clothing, collar, noise, jpegQuality);
    }
}
