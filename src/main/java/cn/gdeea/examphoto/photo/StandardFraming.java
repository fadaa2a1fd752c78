package cn.gdeea.examphoto.photo;

import cn.gdeea.examphoto.face.FaceLandmarks;
import cn.gdeea.examphoto.face.Point;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.util.List;

/**
 * Where the face goes in the standard photo: a similarity transform from photo to standard-photo
 * pixels, and the geometry it leads to.
 *
 * <p>Scale makes the face width (landmarks 0–16) the target width; rotation levels the line
 * through the eye centres; translation puts that line at the target height and the face's
 * midline (halfway between landmarks 0 and 16) on the vertical centre line, so a face turned
 * slightly sideways is centred by its outline rather than by its eyes.
 *
 * @param toStandard photo pixels → standard-photo pixels
 */
record StandardFraming(AffineTransform toStandard, double eyeLineY, double faceWidth, double hairlineY) {

    /**
     * Top of the head, hair included, above the eyebrows as a fraction of the eyebrows-to-chin
     * height. Fitted by eye on ten portraits of the face set, where it ranged about 0.67–0.95
     * (docs/standard-photo.md).
     */
    static final double CROWN_ABOVE_BROWS = 0.8;

    static StandardFraming of(FaceLandmarks landmarks, StandardPhotoSettings settings) {
        List<Point> points = landmarks.points();
        Point leftEye = landmarks.leftEyeCenter();
        Point rightEye = landmarks.rightEyeCenter();
        Point eyes = midpoint(leftEye, rightEye);
        double roll = settings.levelEyes()
                ? Math.atan2(rightEye.y() - leftEye.y(), rightEye.x() - leftEye.x())
                : 0;
        double scale = settings.faceWidth() / points.get(0).distanceTo(points.get(16));

        AffineTransform aroundEyes = new AffineTransform();
        aroundEyes.scale(scale, scale);
        aroundEyes.rotate(-roll);
        aroundEyes.translate(-eyes.x(), -eyes.y());
        Point2D midline = apply(aroundEyes, midpoint(points.get(0), points.get(16)));

        AffineTransform toStandard = AffineTransform.getTranslateInstance(
                settings.width() / 2.0 - midline.getX(), settings.eyeLineY());
        toStandard.concatenate(aroundEyes);
        return measure(toStandard, landmarks);
    }

    /** The geometry {@code toStandard} gives the face, read from its landmarks, to a tenth of a pixel. */
    private static StandardFraming measure(AffineTransform toStandard, FaceLandmarks landmarks) {
        List<Point> points = landmarks.points();
        double eyeLine = (apply(toStandard, landmarks.leftEyeCenter()).getY()
                + apply(toStandard, landmarks.rightEyeCenter()).getY()) / 2;
        double faceWidth = apply(toStandard, points.get(0)).distance(apply(toStandard, points.get(16)));
        double brows = 0;
        for (int i = 17; i < 27; i++) {
            brows += apply(toStandard, points.get(i)).getY() / 10;
        }
        double chin = apply(toStandard, points.get(8)).getY();
        double crown = brows - CROWN_ABOVE_BROWS * (chin - brows);
        return new StandardFraming(toStandard, tenths(eyeLine), tenths(faceWidth), tenths(crown));
    }

    /** Rounding keeps float noise (a target of 200 landing at 199.99999) from failing a window check. */
    private static double tenths(double pixels) {
        return Math.round(pixels * 10) / 10.0;
    }

    private static Point midpoint(Point a, Point b) {
        return new Point((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
    }

    private static Point2D apply(AffineTransform transform, Point p) {
        return transform.transform(new Point2D.Double(p.x(), p.y()), null);
    }
}
