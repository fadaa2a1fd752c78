package cn.gdeea.examphoto.face;

import java.util.List;

/**
 * Where the recogniser's square input samples the photo: face-api's dlib-style square (centred
 * on the eyes and mouth, side = eye-to-mouth distance / 0.45) taken in a frame rotated so the
 * eyes are level. Output pixel (u, v) reads the photo at
 * {@code (x0 + u·ux + v·vx, y0 + u·uy + v·vy)}.
 */
record FaceAlignment(double x0, double y0, double ux, double uy, double vx, double vy) {

    /** face-api's constants: the reference point sits at (0.5, 0.43) of a square of side d / 0.45. */
    static final double REL_X = 0.5;
    static final double REL_Y = 0.43;
    static final double REL_SCALE = 0.45;

    /** The five-point template of ArcFace-style recognisers (insightface), in pixels of a 112×112 input. */
    private static final double[][] ARCFACE_TEMPLATE = {
            {38.2946, 51.6963}, {73.5318, 51.5014}, {56.0252, 71.7366}, {41.5493, 92.3655}, {70.7299, 92.2041}};

    /**
     * The ArcFace alignment: the similarity transform that best maps the eye centres (points 36–41
     * and 42–47), the nose tip (30) and the mouth corners (48, 54) onto the template, in the least
     * squares sense (Umeyama), sampled at {@code size / 112} of the template's scale.
     */
    static FaceAlignment arcface(FaceLandmarks landmarks, int size) {
        List<Point> p = landmarks.points();
        Point[] source = {landmarks.leftEyeCenter(), landmarks.rightEyeCenter(), p.get(30), p.get(48), p.get(54)};
        double scale = size / 112.0;
        double mx = 0;
        double my = 0;
        double mu = 0;
        double mv = 0;
        for (int i = 0; i < 5; i++) {
            mx += source[i].x() / 5;
            my += source[i].y() / 5;
            mu += ARCFACE_TEMPLATE[i][0] * scale / 5;
            mv += ARCFACE_TEMPLATE[i][1] * scale / 5;
        }
        double dot = 0;
        double cross = 0;
        double norm = 0;
        for (int i = 0; i < 5; i++) {
            double x = source[i].x() - mx;
            double y = source[i].y() - my;
            double u = ARCFACE_TEMPLATE[i][0] * scale - mu;
            double v = ARCFACE_TEMPLATE[i][1] * scale - mv;
            dot += x * u + y * v;
            cross += x * v - y * u;
            norm += x * x + y * y;
        }
        // photo -> template: u = a·x − b·y + tx, v = b·x + a·y + ty
        double a = dot / norm;
        double b = cross / norm;
        double tx = mu - (a * mx - b * my);
        double ty = mv - (b * mx + a * my);
        // ... turned round, since the sampler asks where each template pixel lies in the photo.
        double k = a * a + b * b;
        return new FaceAlignment((-a * tx - b * ty) / k, (b * tx - a * ty) / k, a / k, -b / k, b / k, a / k);
    }

    static FaceAlignment levelled(FaceLandmarks landmarks, int size) {
        Point left = landmarks.leftEyeCenter();
        Point right = landmarks.rightEyeCenter();
        Point mouth = landmarks.mouthCenter();
        double angle = Math.atan2(right.y() - left.y(), right.x() - left.x());
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double side = (mouth.distanceTo(left) + mouth.distanceTo(right)) / 2 / REL_SCALE;
        double cx = (left.x() + right.x() + mouth.x()) / 3;
        double cy = (left.y() + right.y() + mouth.y()) / 3;
        // The square's corner relative to the reference point, in the levelled frame, turned back.
        double dx = -REL_X * side;
        double dy = -REL_Y * side;
        double step = side / size;
        return new FaceAlignment(cx + dx * cos - dy * sin, cy + dx * sin + dy * cos,
                step * cos, step * sin, -step * sin, step * cos);
    }
}
