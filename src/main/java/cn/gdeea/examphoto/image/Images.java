package cn.gdeea.examphoto.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** Conversions between {@link RgbImage} and {@link BufferedImage}, for code that draws or writes images. */
public final class Images {

    private Images() {
    }

    /** A new TYPE_3BYTE_BGR image (the type Java2D and the JPEG writer handle fastest) with a copy of the pixels. */
    public static BufferedImage toBufferedImage(RgbImage image) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        byte[] rgb = image.pixels();
        for (int i = 0; i < rgb.length; i += 3) {
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        return out;
    }

    /** The image's pixels as RGB; translucent pixels are composited over white, never black. */
    public static RgbImage fromBufferedImage(BufferedImage image) {
        return RgbConversion.convert(image).image();
    }
}
