package cn.gdeea.examphoto.verification;

import cn.gdeea.examphoto.face.DetectedFace;
import cn.gdeea.examphoto.face.Point;
import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.image.Images;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

/**
 * Reference photos as the roster delivers them: the photo as it is, an ID-photo crop
 * (358×441, the resident ID card photo's size) and an ID-card chip crop (102×126, JPEG quality
 * 70). Crops frame the face as ID photos do; parts beyond the source photo are white.
 */
enum ReferenceVariants {
    AS_IS(0, 0, 0),
    ID_PHOTO(358, 441, 0.92f),
    CHIP(102, 126, 0.70f);

    /** Face width (outer jaw landmarks) as a share of the crop width, and eye line height share. */
    private static final double FACE_WIDTH_SHARE = 0.62;
    private static final double EYE_LINE_SHARE = 0.47;

    private final int width;
    private final int height;
    private final float jpegQuality;

    ReferenceVariants(int width, int height, float jpegQuality) {
        this.width = width;
        this.height = height;
        this.jpegQuality = jpegQuality;
    }

    RgbImage apply(RgbImage photo, DetectedFace face) {
        if (this == AS_IS) {
            return photo;
        }
        Point left = face.landmarks().jaw().get(0);
        Point right = face.landmarks().jaw().get(16);
        double faceWidth = left.distanceTo(right);
        double scale = width * FACE_WIDTH_SHARE / faceWidth;
        Point eyes = midpoint(face.landmarks().leftEyeCenter(), face.landmarks().rightEyeCenter());
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.translate(width / 2.0 - eyes.x() * scale, height * EYE_LINE_SHARE - eyes.y() * scale);
        g.scale(scale, scale);
        g.drawImage(Images.toBufferedImage(photo), 0, 0, null);
        g.dispose();
        return Images.fromBufferedImage(jpegRoundTrip(out, jpegQuality));
    }

    private static Point midpoint(Point a, Point b) {
        return new Point((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
    }

    private static BufferedImage jpegRoundTrip(BufferedImage image, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            try (var out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
            return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
