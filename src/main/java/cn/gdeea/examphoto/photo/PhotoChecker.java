package cn.gdeea.examphoto.photo;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import cn.gdeea.examphoto.face.DetectedFace;
import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.image.DecodedImage;
import cn.gdeea.examphoto.image.ImageDecoder;
import cn.gdeea.examphoto.image.ImageRejectedException;
import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.internal.Checks;
import cn.gdeea.examphoto.photo.internal.FacePhoto;
import cn.gdeea.examphoto.photo.internal.NoFaceDiagnosis;
import cn.gdeea.examphoto.photo.internal.PhotoCheck;
import cn.gdeea.examphoto.photo.internal.RootCauses;
import cn.gdeea.examphoto.photo.internal.SingleFace;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a candidate's photo against the photo guide (拍照指南) before identity verification, so a
 * photo that would fail it costs no verification attempt. In order: the file ({@code image}),
 * exactly one face fully in the frame ({@code single_face}), then — only with one face — every
 * check of {@link Checks#all()}. When no face is found, {@link NoFaceDiagnosis} says why (dark,
 * bright, blurred) where it can. The report lists the failure that explains the others first and
 * marks their knock-ons ({@link RootCauses}). Thread-safe; the face is found once and kept in the
 * report.
 */
public final class PhotoChecker {

    /** Time spent here per call, for the latency split of an upload ({@code examphoto.stage} on /actuator/prometheus). */
    private static final Timer STAGE_TIMER = Timer.builder("examphoto.stage").tag("stage", "checks")
            .register(Metrics.globalRegistry);

    public static final String IMAGE = "image";

    private final FaceEngine engine;
    private final ImageDecoder decoder;
    private final CheckSettings settings;
    private final List<PhotoCheck> checks;

    public PhotoChecker(FaceEngine engine, ImageDecoder decoder, CheckSettings settings) {
        this.engine = engine;
        this.decoder = decoder;
        this.settings = settings;
        this.checks = Checks.all();
    }

    /** Decodes an uploaded file and checks it; a file that is not a usable photo fails {@code image} alone. */
    public PhotoCheckReport check(byte[] bytes, String fileName) {
        DecodedImage decoded;
        try {
            decoded = decoder.decode(bytes, fileName);
        } catch (ImageRejectedException e) {
            CheckResult rejected = CheckResult.failed(IMAGE, 0, 1, null, e.messageZh(), e.messageEn(), "", "");
            return PhotoCheckReport.of(List.of(rejected), 0, null, null);
        }
        RgbImage image = decoded.image();
        return check(image, imageResult(image));
    }

    /** Checks a photo already decoded and upright. */
    public PhotoCheckReport check(RgbImage image) {
        Timer.Sample started = Timer.start();
        try {
            return checkUntimed(image);
        } finally {
            started.stop(STAGE_TIMER);
        }
    }

    private PhotoCheckReport checkUntimed(RgbImage image) {
        return check(image, imageResult(image));
    }

    private PhotoCheckReport check(RgbImage image, CheckResult imageResult) {
        List<CheckResult> results = new ArrayList<>();
        results.add(imageResult);
        List<DetectedFace> detected = engine.detect(image);
        SingleFace.Outcome single = SingleFace.check(image, detected, settings);
        if (single.face() == null) {
            List<CheckResult> causes = single.faces() == 0 ? NoFaceDiagnosis.causes(image, settings) : List.of();
            results.addAll(causes);
            results.add(causes.isEmpty() ? single.result() : single.result().causedBy(causes.get(0).id()));
            return PhotoCheckReport.of(results, single.faces(), image, null);
        }
        results.add(single.result());
        FacePhoto photo = new FacePhoto(image, single.face(), settings, engine.eyeState(image, single.face()));
        for (PhotoCheck check : checks) {
            results.add(check.check(photo));
        }
        return PhotoCheckReport.of(RootCauses.order(results), single.faces(), image, single.face());
    }

    /** The decoded photo's size, recorded as the {@code image} check's value (megapixels). */
    private static CheckResult imageResult(RgbImage image) {
        return CheckResult.passed(IMAGE, image.width() * (double) image.height() / 1e6, 0, null);
    }
}
