package cn.gdeea.examphoto.photo;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import cn.gdeea.examphoto.face.DetectedFace;
import cn.gdeea.examphoto.image.EncodedJpeg;
import cn.gdeea.examphoto.image.Images;
import cn.gdeea.examphoto.image.JpegEncoder;
import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.StandardPhoto.Measure;
import cn.gdeea.examphoto.photo.StandardPhoto.Misfit;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the standard photo (标准照片) from an accepted photo and its face: scales, levels and
 * places the face as {@link StandardPhotoSettings} asks (by default the MOE gaokao standard), fills
 * what the photo does not cover with the background colour, and writes a metadata-free JFIF at
 * the configured density, at the highest quality that keeps the file inside the byte window.
 * Thread-safe.
 */
public final class StandardPhotoMaker {

    /** Time spent here per call, for the latency split of an upload ({@code examphoto.stage} on /actuator/prometheus). */
    private static final Timer STAGE_TIMER = Timer.builder("examphoto.stage").tag("stage", "standard")
            .register(Metrics.globalRegistry);

    private final StandardPhotoSettings settings;

    public StandardPhotoMaker(StandardPhotoSettings settings) {
        this.settings = settings;
    }

    /**
     * @param image the accepted photo, upright
     * @param face  its face, as the face engine found it in {@code image}
     */
    public StandardPhoto make(RgbImage image, DetectedFace face) {
        Timer.Sample started = Timer.start();
        try {
            return makeUntimed(image, face);
        } finally {
            started.stop(STAGE_TIMER);
        }
    }

    private StandardPhoto makeUntimed(RgbImage image, DetectedFace face) {
        StandardFraming framing = StandardFraming.of(face.landmarks(), settings);
        BufferedImage pixels = StandardResampler.render(image, framing.toStandard(),
                settings.width(), settings.height(), settings.backgroundRgb());
        EncodedJpeg jpeg = JpegEncoder.encodeWithin(Images.fromBufferedImage(pixels),
                settings.minBytes(), settings.maxBytes(), settings.minQuality() / 100f, settings.dpi());

        List<Misfit> misfits = new ArrayList<>();
        check(misfits, Measure.EYE_LINE_Y, framing.eyeLineY(), settings.minEyeLineY(), settings.maxEyeLineY());
        check(misfits, Measure.FACE_WIDTH, framing.faceWidth(), settings.minFaceWidth(), settings.maxFaceWidth());
        check(misfits, Measure.HAIRLINE_Y, framing.hairlineY(), settings.minHairlineY(), settings.maxHairlineY());
        check(misfits, Measure.BYTES, jpeg.bytes().length, settings.minBytes(), settings.maxBytes());
        return new StandardPhoto(jpeg.bytes(), framing.eyeLineY(), framing.faceWidth(), framing.hairlineY(),
                Math.round(jpeg.quality() * 100), misfits);
    }

    private static void check(List<Misfit> misfits, Measure measure, double value, double min, double max) {
        if (value < min || value > max) {
            misfits.add(new Misfit(measure, value, min, max));
        }
    }
}
