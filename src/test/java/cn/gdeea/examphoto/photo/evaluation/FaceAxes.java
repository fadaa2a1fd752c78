package cn.gdeea.examphoto.photo.evaluation;

import cn.gdeea.examphoto.face.FaceLandmarks;
import cn.gdeea.examphoto.face.Point;

/**
 * Face-attached coordinates for composing photos: origin midway between the eye centres,
 * {@code u} along the eye line, {@code v} down the face, one unit = the distance between the eye
 * centres. Brows sit near v = −0.4, the chin near v = 1.7, the top of the head near v = −1.9.
 */
final class FaceAxes {

    private final double originX;
    private final double originY;
    private final double unit;
    private final double angle;
    private final double cos;
    private final double sin;

    FaceAxes(double originX, double originY, double unit, double angle) {
        this.originX = originX;
        this.originY = originY;
        this.unit = unit;
        this.angle = angle;
        this.cos = Math.cos(angle);
        this.sin = Math.sin(angle);
    }

    static FaceAxes of(FaceLandmarks landmarks) {
        Point l = landmarks.leftEyeCenter();
        Point r = landmarks.rightEyeCenter();
        return new FaceAxes((l.x() + r.x()) / 2, (l.y() + r.y()) / 2, l.distanceTo(r),
                Math.atan2(r.y() - l.y(), r.x() - l.x()));
    }

    double originX() {
        return originX;
    }

    double originY() {
        return originY;
    }

    double unit() {
        return unit;
    }

    double angle() {
        return angle;
    }

    double x(double u, double v) {
        return originX + (u * cos - v * sin) * unit;
    }

    double y(double u, double v) {
        return originY + (u * sin + v * cos) * unit;
    }

    double u(double x, double y) {
        return ((x - originX) * cos + (y - originY) * sin) / unit;
    }

    double v(double x, double y) {
        return (-(x - originX) * sin + (y - originY) * cos) / unit;
    }

    double u(Point p) {
        return u(p.x(), p.y());
    }

    double v(Point p) {
        return v(p.x(), p.y());
    }
}
