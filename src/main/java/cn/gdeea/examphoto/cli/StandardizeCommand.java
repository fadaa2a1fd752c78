package cn.gdeea.examphoto.cli;

import cn.gdeea.examphoto.face.DetectedFace;
import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.image.ImageDecoder;
import cn.gdeea.examphoto.image.ImageLimits;
import cn.gdeea.examphoto.image.ImageRejectedException;
import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.StandardPhoto;
import cn.gdeea.examphoto.photo.StandardPhotoMaker;
import cn.gdeea.examphoto.photo.StandardPhotoSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code standardize IN OUT}: writes the standard photo of the largest face in IN. */
final class StandardizeCommand {

    private final PrintStream out;
    private final PrintStream err;

    StandardizeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        if (args.length != 2) {
            throw new CommandLine.UsageException("expected IN OUT");
        }
        Path in = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("in", args[0]);
        line.put("out", args[1]);
        try (FaceEngine engine = FaceEngine.load()) {
            RgbImage image = VerifyCommand.read(new ImageDecoder(ImageLimits.defaults()), in);
            List<DetectedFace> faces = engine.detect(image);
            if (faces.isEmpty()) {
                line.put("error", "no face found in " + args[0]);
                Json.line(out, line);
                return CommandLine.SOME_FAILED;
            }
            DetectedFace face = faces.stream().max(Comparator.comparingDouble(f -> f.box().area())).orElseThrow();
            StandardPhoto photo = new StandardPhotoMaker(StandardPhotoSettings.defaults()).make(image, face);
            writeAtomically(target, photo.jpeg());
            line.put("fits", photo.fits());
            line.put("bytes", photo.bytes());
            line.put("quality", photo.quality());
            line.put("eye_line_y", Json.number(photo.eyeLineY()));
            line.put("face_width", Json.number(photo.faceWidth()));
            line.put("hairline_y", Json.number(photo.hairlineY()));
            line.put("misfits", photo.misfits().stream().map(Object::toString).toList());
            Json.line(out, line);
            return photo.fits() ? CommandLine.OK : CommandLine.SOME_FAILED;
        } catch (ImageRejectedException e) {
            line.put("error", e.code() + ": " + e.messageEn());
        } catch (IOException | java.io.UncheckedIOException e) {
            line.put("error", e.getMessage());
        }
        Json.line(out, line);
        return CommandLine.SOME_FAILED;
    }

    /** Writes to a temporary file beside OUT, then moves it in place: never a half-written photo. */
    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".standardize-", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
