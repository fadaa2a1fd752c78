package cn.gdeea.examphoto.face;

/** An axis-aligned rectangle in image pixels. */
public record Box(double x, double y, double width, double height) {

    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    public double area() {
        return Math.max(0, width) * Math.max(0, height);
    }

    /** Intersection over union with {@code other}; 0 when they do not overlap. */
    public double iou(Box other) {
        double ix = Math.max(0, Math.min(right(), other.right()) - Math.max(x, other.x));
        double iy = Math.max(0, Math.min(bottom(), other.bottom()) - Math.max(y, other.y));
        double inter = ix * iy;
        double union = area() + other.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /** Grows the box by {@code padX}, {@code padY} in total, keeping its centre. */
    public Box pad(double padX, double padY) {
        return new Box(x - padX / 2, y - padY / 2, width + padX, height + padY);
    }

    /** Whether the box lies entirely within an image of the given size. */
    public boolean isInside(int imageWidth, int imageHeight) {
        return x >= 0 && y >= 0 && right() <= imageWidth && bottom() <= imageHeight;
    }
}
