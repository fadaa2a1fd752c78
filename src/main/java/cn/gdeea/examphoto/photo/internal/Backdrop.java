package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.face.Box;
import cn.gdeea.examphoto.image.RgbImage;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The wall behind the candidate, sampled beside the head (down to the neck, above the shoulders)
 * and above it, in small blocks; each gives a mean colour and how much its lightness varies
 * inside (fine texture). Hair can reach well into these regions, so a run of blocks that departs
 * from the wall colour and starts at the edge next to the head, within a hair's reach of it, is
 * taken for the person and left out. A smooth surface fitted through the remaining blocks stands
 * for the wall as lit — brighter on one side, darker in the corners — so that only what departs
 * from it counts as clutter.
 */
final class Backdrop {

    /** Regions start this many eye distances beside the head's middle, just outside the cheeks. */
    private static final double SIDE_START = 1.2;
    /** Hair reaches at most this far beside the head's middle... */
    private static final double SIDE_REACH = 2.0;
    /** ...or this far above the eyes. */
    private static final double TOP_REACH = 2.5;
    private static final double PERSON_DELTA_E = 12;
    private static final double REFIT_DELTA_E = 8;
    private static final int TAPS = 5;

    /** One sampled block: centre in photo pixels, mean colour, lightness spread inside. */
    record Block(double x, double y, Lab colour, double texture) {
    }

    /** Which edge of a sampled region faces the person. */
    private enum Inner { RIGHT, LEFT, BOTTOM }

    private record Region(Box box, Inner inner, int columns, int rows, Block[] blocks) {
    }

    /** The blocks showing the wall (the person left out). */
    final List<Block> blocks;
    /** The median colour of the wall blocks; null when there are none. */
    final Lab colour;
    private final List<Box> boxes;
    private final double[][] surface;
    private final double width;
    private final double height;

    private Backdrop(List<Block> blocks, List<Box> boxes, Lab colour, double[][] surface, double width, double height) {
        this.blocks = blocks;
        this.boxes = boxes;
        this.colour = colour;
        this.surface = surface;
        this.width = width;
        this.height = height;
    }

    /** The last photo's backdrop per thread: three checks need it, one after the other. */
    private static final ThreadLocal<Memo> LAST = new ThreadLocal<>();

    private record Memo(WeakReference<FacePhoto> photo, Backdrop backdrop) {
    }

    /** The backdrop of {@code photo}, sampled once however many checks ask. */
    static Backdrop of(FacePhoto photo) {
        Memo memo = LAST.get();
        if (memo != null && memo.photo().get() == photo) {
            return memo.backdrop();
        }
        Backdrop backdrop = sample(photo.image(), photo.frame());
        LAST.set(new Memo(new WeakReference<>(photo), backdrop));
        return backdrop;
    }

    static Backdrop sample(RgbImage image, FaceFrame frame) {
        double unit = frame.unit();
        // The head's middle: between the jaw outline's ends, which a turned head moves less than its eyes.
        double cx = frame.x((frame.u(0) + frame.u(16)) / 2, 0);
        double eyeY = frame.y(0, 0);
        double top = eyeY - 2.4 * unit;
        double bottom = eyeY + 1.3 * unit;
        List<Region> regions = new ArrayList<>();
        addRegion(regions, image, Inner.RIGHT, 0, top, cx - SIDE_START * unit, bottom, unit);
        addRegion(regions, image, Inner.LEFT, cx + SIDE_START * unit, top, image.width(), bottom, unit);
        addRegion(regions, image, Inner.BOTTOM, cx - SIDE_START * unit, 0, cx + SIDE_START * unit, eyeY - 2.0 * unit, unit);
        List<Block> all = new ArrayList<>();
        List<Block> far = new ArrayList<>();
        for (Region region : regions) {
            for (int i = 0; i < region.blocks().length; i++) {
                Block b = region.blocks()[i];
                all.add(b);
                if (!withinReach(b, region.inner(), cx, eyeY, unit) || outermost(region, i)) {
                    far.add(b);
                }
            }
        }
        List<Box> boxes = regions.stream().map(Region::box).toList();
        if (all.isEmpty()) {
            return new Backdrop(List.of(), boxes, null, null, image.width(), image.height());
        }
        // The wall as first guessed: blocks far from the head, or at the photo's edge.
        Lab first = median(far.isEmpty() ? all : far);
        List<Block> wall = new ArrayList<>();
        for (Region region : regions) {
            boolean[] person = person(region, first, cx, eyeY, unit);
            for (int i = 0; i < person.length; i++) {
                if (!person[i]) {
                    wall.add(region.blocks()[i]);
                }
            }
        }
        if (wall.isEmpty()) {
            return new Backdrop(List.of(), boxes, null, null, image.width(), image.height());
        }
        double[][] surface = fit(wall, image.width(), image.height());
        List<Block> close = new ArrayList<>();
        for (Block b : wall) {
            if (b.colour().distance(evaluate(surface, b.x() / image.width(), b.y() / image.height())) <= REFIT_DELTA_E) {
                close.add(b);
            }
        }
        // Refit without the blocks far off the first fit (objects on the wall) when most remain.
        if (close.size() >= wall.size() / 2 && close.size() < wall.size()) {
            surface = fit(close, image.width(), image.height());
        }
        return new Backdrop(wall, boxes, median(wall), surface, image.width(), image.height());
    }

    /** Whether block {@code index} lies on the region's edge away from the person (the photo's edge). */
    private static boolean outermost(Region region, int index) {
        int column = index % region.columns();
        int row = index / region.columns();
        return switch (region.inner()) {
            case RIGHT -> column == 0;
            case LEFT -> column == region.columns() - 1;
            case BOTTOM -> row == 0;
        };
    }

    private static boolean withinReach(Block b, Inner inner, double cx, double eyeY, double unit) {
        return inner == Inner.BOTTOM ? b.y() > eyeY - TOP_REACH * unit : Math.abs(b.x() - cx) < SIDE_REACH * unit;
    }

    /**
     * Blocks taken for the person: along each row (each column above the head), the run of blocks
     * departing from the wall colour that starts at the edge next to the head, within reach.
     */
    private static boolean[] person(Region region, Lab wall, double cx, double eyeY, double unit) {
        boolean[] person = new boolean[region.blocks().length];
        boolean across = region.inner() != Inner.BOTTOM;
        int lines = across ? region.rows() : region.columns();
        int length = across ? region.columns() : region.rows();
        for (int line = 0; line < lines; line++) {
            for (int step = 0; step < length; step++) {
                int along = region.inner() == Inner.LEFT ? step : length - 1 - step;
                int index = across ? line * region.columns() + along : along * region.columns() + line;
                Block b = region.blocks()[index];
                if (!withinReach(b, region.inner(), cx, eyeY, unit) || b.colour().distance(wall) <= PERSON_DELTA_E) {
                    break;
                }
                person[index] = true;
            }
        }
        return person;
    }

    private static void addRegion(List<Region> regions, RgbImage image, Inner inner,
                                  double x0, double y0, double x1, double y1, double unit) {
        x0 = Math.max(0, x0);
        y0 = Math.max(0, y0);
        x1 = Math.min(image.width(), x1);
        y1 = Math.min(image.height(), y1);
        if (x1 - x0 < unit / 5 || y1 - y0 < unit / 5) {
            return;
        }
        double size = Math.max(4, unit / 8);
        int nx = Math.max(1, (int) ((x1 - x0) / size));
        int ny = Math.max(1, (int) ((y1 - y0) / size));
        double bw = (x1 - x0) / nx;
        double bh = (y1 - y0) / ny;
        Block[] blocks = new Block[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                blocks[j * nx + i] = block(image, x0 + i * bw, y0 + j * bh, bw, bh);
            }
        }
        regions.add(new Region(new Box(x0, y0, x1 - x0, y1 - y0), inner, nx, ny, blocks));
    }

    /**
     * Mean colour and lightness spread of a block from a 5×5 grid of 2×2-pixel means: the means
     * keep sensor noise from passing for texture.
     */
    private static Block block(RgbImage image, double x, double y, double w, double h) {
        double sumR = 0;
        double sumG = 0;
        double sumB = 0;
        double sumL = 0;
        double sumL2 = 0;
        byte[] p = image.pixels();
        int stride = image.width() * 3;
        for (int ty = 0; ty < TAPS; ty++) {
            int sy = Math.min(image.height() - 2, (int) (y + (ty + 0.5) * h / TAPS));
            for (int tx = 0; tx < TAPS; tx++) {
                int sx = Math.min(image.width() - 2, (int) (x + (tx + 0.5) * w / TAPS));
                int k = sy * stride + sx * 3;
                double r = ((p[k] & 0xFF) + (p[k + 3] & 0xFF) + (p[k + stride] & 0xFF) + (p[k + stride + 3] & 0xFF)) / 4.0;
                double g = ((p[k + 1] & 0xFF) + (p[k + 4] & 0xFF) + (p[k + stride + 1] & 0xFF) + (p[k + stride + 4] & 0xFF)) / 4.0;
                double b = ((p[k + 2] & 0xFF) + (p[k + 5] & 0xFF) + (p[k + stride + 2] & 0xFF) + (p[k + stride + 5] & 0xFF)) / 4.0;
                double luma = 0.299 * r + 0.587 * g + 0.114 * b;
                sumR += r;
                sumG += g;
                sumB += b;
                sumL += luma;
                sumL2 += luma * luma;
            }
        }
        int n = TAPS * TAPS;
        double meanL = sumL / n;
        double spread = Math.sqrt(Math.max(0, sumL2 / n - meanL * meanL));
        return new Block(x + w / 2, y + h / 2, Lab.ofRgb(sumR / n, sumG / n, sumB / n), spread);
    }

    boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** The wall colour expected at (x, y) from the fitted surface. */
    Lab expected(double x, double y) {
        return evaluate(surface, x / width, y / height);
    }

    /** Share of wall blocks whose colour departs from the fitted wall by more than {@code deltaE}. */
    double clutter(double deltaE) {
        int out = 0;
        for (Block b : blocks) {
            if (b.colour().distance(expected(b.x(), b.y())) > deltaE) {
                out++;
            }
        }
        return blocks.isEmpty() ? 0 : (double) out / blocks.size();
    }

    /** Median lightness spread inside the wall blocks, in luma levels: patterned or rough walls. */
    double texture() {
        double[] t = blocks.stream().mapToDouble(Block::texture).sorted().toArray();
        return t.length == 0 ? 0 : t[t.length / 2];
    }

    /** The box around all sampled regions, for the report. */
    Box region() {
        if (boxes.isEmpty()) {
            return null;
        }
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (Box r : boxes) {
            x0 = Math.min(x0, r.x());
            y0 = Math.min(y0, r.y());
            x1 = Math.max(x1, r.right());
            y1 = Math.max(y1, r.bottom());
        }
        return new Box(x0, y0, x1 - x0, y1 - y0);
    }

    private static double[][] fit(List<Block> blocks, double width, double height) {
        double[][] surface = new double[3][];
        for (int c = 0; c < 3; c++) {
            surface[c] = Quadratic.fit(blocks, c, width, height);
        }
        return surface;
    }

    private static Lab evaluate(double[][] surface, double x, double y) {
        return new Lab(Quadratic.value(surface[0], x, y), Quadratic.value(surface[1], x, y),
                Quadratic.value(surface[2], x, y));
    }

    private static Lab median(List<Block> blocks) {
        double[][] v = new double[3][blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            Lab c = blocks.get(i).colour();
            v[0][i] = c.l();
            v[1][i] = c.a();
            v[2][i] = c.b();
        }
        for (double[] channel : v) {
            Arrays.sort(channel);
        }
        int m = blocks.size() / 2;
        return new Lab(v[0][m], v[1][m], v[2][m]);
    }
}
