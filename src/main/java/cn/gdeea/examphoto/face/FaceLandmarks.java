package cn.gdeea.examphoto.face;

import java.util.List;

/**
 * The 68 facial landmarks of the iBUG 300-W scheme, in image pixels. "Left" and "right" are as
 * seen in the image: {@link #leftEye()} is the eye nearer the image's left edge.
 */
public record FaceLandmarks(List<Point> points) {

    public FaceLandmarks {
        points = List.copyOf(points);
        if (points.size() != 68) {
            throw new IllegalArgumentException("expected 68 landmarks, got " + points.size());
        }
    }

    public List<Point> jaw() {
        return points.subList(0, 17);
    }

    public List<Point> leftEyebrow() {
        return points.subList(17, 22);
    }

    public List<Point> rightEyebrow() {
        return points.subList(22, 27);
    }

    public List<Point> nose() {
        return points.subList(27, 36);
    }

    public List<Point> leftEye() {
        return points.subList(36, 42);
    }

    public List<Point> rightEye() {
        return points.subList(42, 48);
    }

    public List<Point> mouth() {
        return points.subList(48, 68);
    }

    public Point leftEyeCenter() {
        return Point.centroid(leftEye());
    }

    public Point rightEyeCenter() {
        return Point.centroid(rightEye());
    }

    public Point mouthCenter() {
        return Point.centroid(mouth());
    }

    /** The tightest box around all 68 points. */
    public Box bounds() {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Point p : points) {
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        return new Box(minX, minY, maxX - minX, maxY - minY);
    }
}
