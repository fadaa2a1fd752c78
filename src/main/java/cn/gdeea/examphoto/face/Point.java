package cn.gdeea.examphoto.face;

/** A position in image pixels (x to the right, y down). */
public record Point(double x, double y) {

    public double distanceTo(Point other) {
        return Math.hypot(other.x - x, other.y - y);
    }

    static Point centroid(java.util.List<Point> points) {
        double sx = 0;
        double sy = 0;
        for (Point p : points) {
            sx += p.x;
            sy += p.y;
        }
        return new Point(sx / points.size(), sy / points.size());
    }
}
