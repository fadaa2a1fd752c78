package cn.gdeea.examphoto.photo;

import cn.gdeea.examphoto.image.Images;
import cn.gdeea.examphoto.image.RgbImage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Point2D;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Draws a photo through a similarity transform into a new image filled with a background colour.
 *
 * <p>Bicubic interpolation alone aliases when it shrinks more than twice (phone photos shrink
 * 3–6×), so the part of the photo that is drawn is first box-averaged by the largest whole factor
 * that keeps the rest of the shrink at most 2×; {@link AffineTransformOp} then rotates and
 * scales bicubically. An integer box filter is exact area averaging in a dozen lines, where
 * Thumbnailator or imgscalr would add a dependency and still not rotate.
 */
final class StandardResampler {

    /** Bicubic reaches two source pixels either side. */
    private static final int KERNEL_MARGIN = 2;

    private StandardResampler() {
    }

    static BufferedImage render(RgbImage photo, AffineTransform toOutput, int width, int height, int backgroundRgb) {
        BufferedImage output = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = output.createGraphics();
        g.setColor(new Color(backgroundRgb));
        g.fillRect(0, 0, width, height);
        g.dispose();

        Rectangle used = sourceRegion(photo, toOutput, width, height);
        if (used.isEmpty()) {
            return output;
        }
        double scale = scaleOf(toOutput);
        int factor = scale < 0.5 ? (int) Math.floor(1 / scale) : 1;
        factor = Math.min(factor, Math.min(used.width, used.height));
        RgbImage reduced = boxReduce(photo, used, factor);

        AffineTransform fromReduced = new AffineTransform(toOutput);
        fromReduced.translate(used.x, used.y);
        fromReduced.scale(factor, factor);
        new AffineTransformOp(fromReduced, AffineTransformOp.TYPE_BICUBIC)
                .filter(Images.toBufferedImage(reduced), output);
        return output;
    }

    /** The photo pixels that land inside the output, with a margin for the kernel, clipped to the photo. */
    private static Rectangle sourceRegion(RgbImage photo, AffineTransform toOutput, int width, int height) {
        AffineTransform toPhoto;
        try {
            toPhoto = toOutput.createInverse();
        } catch (NoninvertibleTransformException e) {
            throw new IllegalArgumentException("transform cannot be inverted: " + toOutput, e);
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double[] corner : new double[][] {{0, 0}, {width, 0}, {0, height}, {width, height}}) {
            Point2D p = toPhoto.transform(new Point2D.Double(corner[0], corner[1]), null);
            minX = Math.min(minX, p.getX());
            minY = Math.min(minY, p.getY());
            maxX = Math.max(maxX, p.getX());
            maxY = Math.max(maxY, p.getY());
        }
        double margin = (KERNEL_MARGIN + 1) * Math.max(1, 1 / scaleOf(toOutput));
        Rectangle region = new Rectangle((int) Math.floor(minX - margin), (int) Math.floor(minY - margin), 0, 0);
        region.add((int) Math.ceil(maxX + margin), (int) Math.ceil(maxY + margin));
        return region.intersection(new Rectangle(0, 0, photo.width(), photo.height()));
    }

    private static double scaleOf(AffineTransform similarity) {
        return Math.sqrt(Math.abs(similarity.getDeterminant()));
    }

    /** Averages {@code factor}×{@code factor} blocks of {@code region}; a partial last row or column is dropped. */
    static RgbImage boxReduce(RgbImage photo, Rectangle region, int factor) {
        int outWidth = region.width / factor;
        int outHeight = region.height / factor;
        byte[] source = photo.pixels();
        byte[] out = new byte[outWidth * outHeight * 3];
        int[] sums = new int[outWidth * 3];
        int area = factor * factor;
        for (int oy = 0; oy < outHeight; oy++) {
            Arrays.fill(sums, 0);
            for (int dy = 0; dy < factor; dy++) {
                int i = ((region.y + oy * factor + dy) * photo.width() + region.x) * 3;
                for (int ox = 0; ox < outWidth; ox++) {
                    int s = ox * 3;
                    for (int dx = 0; dx < factor; dx++, i += 3) {
                        sums[s] += source[i] & 0xFF;
                        sums[s + 1] += source[i + 1] & 0xFF;
                        sums[s + 2] += source[i + 2] & 0xFF;
                    }
                }
            }
            int o = oy * outWidth * 3;
            for (int s = 0; s < sums.length; s++) {
                out[o + s] = (byte) ((sums[s] + area / 2) / area);
            }
        }
        return new RgbImage(outWidth, outHeight, out);
    }
}
