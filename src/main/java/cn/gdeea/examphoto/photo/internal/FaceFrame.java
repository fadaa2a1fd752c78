package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.face.Box;
import cn.gdeea.examphoto.face.FaceLandmarks;
import cn.gdeea.examphoto.face.Point;

/**
 * A coordinate frame attached to the face, so that appearance checks measure the same parts of
 * every face whatever its size and roll: the origin lies midway between the eye centres, {@code u}
 * runs along the eye line towards the eye on the image's right, {@code v} downwards, and one unit
 * is the distance between the eye centres. In these units the brows sit near v = -0.4, the nose
 * base near v = 0.75 and the chin near v = 1.7.
 */
final class FaceFrame {

    private final double originX;
    private final double originY;
    private final double unit;
    private final double cos;
    private final double sin;
    private final FaceLandmarks landmarks;

    private FaceFrame(double originX, double originY, double unit, double cos, double sin, FaceLandmarks landmarks) {
        this.originX = originX;
        this.originY = originY;
        this.unit = unit;
        this.cos = cos;
        this.sin = sin;
        this.landmarks = landmarks;
    }

    static FaceFrame of(FaceLandmarks landmarks) {
        Point left = landmarks.leftEyeCenter();
        Point right = landmarks.rightEyeCenter();
        double dx = right.x() - left.x();
        double dy = right.y() - left.y();
        double unit = Math.max(1e-6, Math.hypot(dx, dy));
        return new FaceFrame((left.x() + right.x()) / 2, (left.y() + right.y()) / 2, unit, dx / unit, dy / unit, landmarks);
    }

    /** The inter-ocular distance in photo pixels. */
    double unit() {
        return unit;
    }

    double u(Point p) {
        return ((p.x() - originX) * cos + (p.y() - originY) * sin) / unit;
    }

    double v(Point p) {
        return (-(p.x() - originX) * sin + (p.y() - originY) * cos) / unit;
    }

    /** Landmark {@code index} (iBUG 0–67) as u. */
    double u(int index) {
        return u(landmarks.points().get(index));
    }

    double v(int index) {
        return v(landmarks.points().get(index));
    }

    double x(double u, double v) {
        return originX + (u * cos - v * sin) * unit;
    }

    double y(double u, double v) {
        return originY + (u * sin + v * cos) * unit;
    }

    /** The photo-pixel bounding box of a frame rectangle. */
    Box imageBox(double u0, double v0, double u1, double v1) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double u : new double[] {u0, u1}) {
            for (double v : new double[] {v0, v1}) {
                minX = Math.min(minX, x(u, v));
                maxX = Math.max(maxX, x(u, v));
                minY = Math.min(minY, y(u, v));
                maxY = Math.max(maxY, y(u, v));
            }
        }
        return new Box(minX, minY, maxX - minX, maxY - minY);
    }
}
