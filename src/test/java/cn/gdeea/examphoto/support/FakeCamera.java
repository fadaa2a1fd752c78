package cn.gdeea.examphoto.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Turns a real photo into a file Chromium plays as its camera
 * ({@code --use-file-for-fake-video-capture}): an MJPEG stream, i.e. JPEG frames one after
 * another, of the photo fitted into a frame of the given size (a phone's rear camera in
 * portrait, say 720×1280). The photo is centred on a white field so nothing is cropped.
 */
public final class FakeCamera {

    private FakeCamera() {
    }

    public static Path mjpeg(Path photo, int width, int height, Path target) {
        try {
            BufferedImage source = ImageIO.read(photo.toFile());
            if (source == null) {
                throw new IOException("not an image Java can read: " + photo);
            }
            BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = frame.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            double scale = Math.min(width / (double) source.getWidth(), height / (double) source.getHeight());
            int w = (int) Math.round(source.getWidth() * scale);
            int h = (int) Math.round(source.getHeight() * scale);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, (width - w) / 2, (height - h) / 2, w, h, null);
            g.dispose();
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(frame, "jpg", jpeg);
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(target)) {
                for (int i = 0; i < 30; i++) {
                    out.write(jpeg.toByteArray());
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A camera that shows each of {@code jpegs} (all of one size) for {@code hold} frames, in
     * order, then starts again. Chromium plays an MJPEG file at 30 frames per second.
     */
    public static Path mjpeg(List<byte[]> jpegs, int hold, Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(target))) {
                for (byte[] jpeg : jpegs) {
                    for (int i = 0; i < hold; i++) {
                        out.write(jpeg);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
