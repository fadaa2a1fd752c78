package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.verification.DescriptorCodec;
import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.image.DecodedImage;
import cn.gdeea.examphoto.image.ImageDecoder;
import cn.gdeea.examphoto.photo.CheckResult;
import cn.gdeea.examphoto.photo.PhotoCheckReport;
import cn.gdeea.examphoto.photo.PhotoChecker;
import cn.gdeea.examphoto.photo.StandardPhoto;
import cn.gdeea.examphoto.photo.StandardPhotoMaker;
import cn.gdeea.examphoto.storage.PhotoKind;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.web.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Turns an uploaded portrait into a {@code submission}: decoded (a file that is no usable photo is
 * refused with its {@code image.*} code and nothing is stored), checked against the photo guide,
 * and, when it passes, described by the face engine (the probe descriptor for verification) and
 * made into the standard photo — all on the face the checks found, so it is found once.
 */
@Service
class Portraits {

    /** No photo part is read whole past this: the photo endpoints' multipart bound ({@code examphoto.upload.max-request}). */
    static final long MAX_READ_BYTES = 20L * 1024 * 1024;

    private final ImageDecoder decoder;
    private final PhotoChecker checker;
    private final FaceEngine engine;
    private final StandardPhotoMaker standards;
    private final PhotoRecords photos;
    private final ProcessingGate gate;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Portraits(ImageDecoder decoder, PhotoChecker checker, FaceEngine engine, StandardPhotoMaker standards,
              PhotoRecords photos, ProcessingGate gate, JdbcClient jdbc, ObjectMapper json) {
        this.decoder = decoder;
        this.checker = checker;
        this.engine = engine;
        this.standards = standards;
        this.photos = photos;
        this.gate = gate;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The upload's bytes, refused before any work when the part does not claim to be an image, and
     * before it is read into memory when it is larger than any photo the decoder accepts (the
     * decoder's {@code max-bytes} check follows on what is read).
     */
    static byte[] read(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ApiException.badRequest("image.empty", "请选择要上传的照片", "Please choose a photo to upload");
        }
        String type = file.getContentType() == null ? "" : file.getContentType().toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.startsWith("image/") && !type.equals("application/octet-stream")) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "image.unsupported_type",
                    "请上传 JPEG 或 PNG 格式的照片", "Please upload a JPEG or PNG photo");
        }
        if (file.getSize() > MAX_READ_BYTES) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "image.too_large_bytes",
                    "照片文件太大（上限 " + (MAX_READ_BYTES >> 20) + " MB）",
                    "The photo file is too large (limit " + (MAX_READ_BYTES >> 20) + " MB)");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes and checks; throws {@code ImageRejectedException} for files that are no usable photo. */
    Processed process(byte[] bytes, String fileName) {
        return process(bytes, fileName, PhotoCheckReport::pass);
    }

    /**
     * The manual-review portrait: a reviewer decides, so only what makes the photo unusable blocks
     * (not exactly one face, a face too small or too large to frame); every other failed check is
     * advice for the candidate and a flag for the reviewer.
     */
    Processed processForReview(byte[] bytes, String fileName) {
        return process(bytes, fileName, r -> r.face() != null && unusable(r).isEmpty());
    }

    /** The failed checks that make a portrait unusable even for a reviewer. */
    static List<CheckResult> unusable(PhotoCheckReport report) {
        return report.failures().stream().filter(c -> UNUSABLE.contains(c.id())).toList();
    }

    private static final java.util.Set<String> UNUSABLE = java.util.Set.of("single_face", "face_size");

    private Processed process(byte[] bytes, String fileName, java.util.function.Predicate<PhotoCheckReport> usable) {
        return gate.run(() -> {
            DecodedImage decoded = decoder.decode(bytes, fileName);
            PhotoCheckReport report = checker.check(decoded.image());
            float[] descriptor = null;
            StandardPhoto standard = null;
            if (usable.test(report)) {
                descriptor = engine.describe(report.image(), report.face());
                standard = standards.make(report.image(), report.face());
            }
            return new Processed(decoded, report, descriptor, standard);
        });
    }

    /** Decodes only (review materials other than the portrait). */
    DecodedImage decode(byte[] bytes, String fileName) {
        return gate.run(() -> decoder.decode(bytes, fileName));
    }

    /** Writes the upload and its standard photo to the store; no transaction is open yet. */
    Files write(byte[] bytes, Processed p) {
        PhotoRecords.WrittenFile upload = photos.write(bytes, contentType(p.decoded()), p.decoded().image().width(),
                p.decoded().image().height());
        PhotoRecords.WrittenFile standard = p.standard() == null ? null
                : photos.write(p.standard().jpeg(), "image/jpeg", 480, 640);
        return new Files(upload, standard);
    }

    /** The rows of written files and the submission; in the caller's transaction. */
    long insert(long candidateId, Files files, Processed p) {
        long photoId = photos.record(candidateId, PhotoKind.UPLOAD, files.upload());
        Long standardId = files.standard() == null ? null : photos.record(candidateId, PhotoKind.STANDARD, files.standard());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into submission (candidate_id, photo_id, standard_photo_id, checks_passed, check_report, descriptor,
                                        descriptor_model, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(candidateId, photoId, standardId, p.report().pass(), reportJson(p.report().checks()),
                        p.descriptor() == null ? null : DescriptorCodec.toBytes(p.descriptor()),
                        p.descriptor() == null ? null : engine.modelId(), OffsetDateTime.now(ZoneOffset.UTC))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** The upload and standard photo files of one submission, written before its transaction. */
    record Files(PhotoRecords.WrittenFile upload, PhotoRecords.WrittenFile standard) {
    }

    static String contentType(DecodedImage decoded) {
        return "png".equals(decoded.format()) ? "image/png" : "image/jpeg";
    }

    private String reportJson(List<CheckResult> checks) {
        try {
            return json.writeValueAsString(checks.stream().map(CheckView::of).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A processed upload. */
    record Processed(DecodedImage decoded, PhotoCheckReport report, float[] descriptor, StandardPhoto standard) {
    }

    /** One check as the app shows it; NaN values become null so the JSON stays valid. */
    record CheckView(String id, boolean pass, boolean warning, Double value, Double threshold, String message,
                     String messageEn, String reason, String reasonEn, String advice, String adviceEn, String causedBy,
                     Region region) {
        static CheckView of(CheckResult c) {
            return new CheckView(c.id(), c.pass(), c.warning(), finite(c.value()), finite(c.threshold()), c.message(),
                    c.messageEn(), c.reason(), c.reasonEn(), c.advice(), c.adviceEn(), c.causedBy(),
                    c.region() == null ? null : new Region((int) Math.round(c.region().x()),
                    (int) Math.round(c.region().y()), (int) Math.round(c.region().width()),
                    (int) Math.round(c.region().height())));
        }

        private static Double finite(double v) {
            return Double.isFinite(v) ? v : null;
        }
    }

    /** A region of the photo, in its pixels (EXIF orientation applied). */
    record Region(int x, int y, int width, int height) {
    }
}
