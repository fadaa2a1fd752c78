package cn.gdeea.examphoto.face;

/**
 * Where the recogniser's square input samples the photo: face-api's crop (the landmarks' box
 * grown by 20%, padded to a square) taken in a frame rotated so the eyes are level. Output pixel
 * (u, v) reads the photo at {@code (x0 + u·ux + v·vx, y0 + u·uy + v·vy)}.
 */
record FaceAlignment(double x0, double y0, double ux, double uy, double vx, double vy) {

    private static final double PADDING = 0.2;

    static FaceAlignment levelled(FaceLandmarks landmarks, int size) {
        Point left = landmarks.leftEyeCenter();
        Point right = landmarks.rightEyeCenter();
        double angle = Math.atan2(right.y() - left.y(), right.x() - left.x());
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Point p : landmarks.points()) {
            double x = p.x() * cos + p.y() * sin;
            double y = -p.x() * sin + p.y() * cos;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        double side = Math.max(maxX - minX, maxY - minY) * (1 + PADDING);
        double originX = (minX + maxX - side) / 2;
        double originY = (minY + maxY - side) / 2;
        double step = side / size;
        return new FaceAlignment(originX * cos - originY * sin, originX * sin + originY * cos,
                step * cos, step * sin, -step * sin, step * cos);
    }
}
