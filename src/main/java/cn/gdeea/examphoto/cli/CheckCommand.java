package cn.gdeea.examphoto.cli;

import cn.gdeea.examphoto.face.Box;
import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.image.ImageDecoder;
import cn.gdeea.examphoto.image.ImageLimits;
import cn.gdeea.examphoto.photo.CheckResult;
import cn.gdeea.examphoto.photo.CheckSettings;
import cn.gdeea.examphoto.photo.PhotoCheckReport;
import cn.gdeea.examphoto.photo.PhotoChecker;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code check FILE...}: runs every photo-guide check on each file. */
final class CheckCommand {

    private final PrintStream out;
    private final PrintStream err;

    CheckCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] files) {
        if (files.length == 0) {
            throw new CommandLine.UsageException("no file given");
        }
        int status = CommandLine.OK;
        try (FaceEngine engine = FaceEngine.load()) {
            PhotoChecker checker = new PhotoChecker(engine, new ImageDecoder(ImageLimits.defaults()), CheckSettings.defaults());
            for (String file : files) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("file", file);
                try {
                    PhotoCheckReport report = checker.check(Files.readAllBytes(Path.of(file)), Path.of(file).getFileName().toString());
                    line.put("pass", report.pass());
                    line.put("faces", report.faces());
                    line.put("checks", report.checks().stream().map(CheckCommand::check).toList());
                    if (!report.pass()) {
                        status = CommandLine.SOME_FAILED;
                    }
                } catch (IOException e) {
                    line.put("pass", false);
                    line.put("error", "cannot read file: " + e.getMessage());
                    status = CommandLine.SOME_FAILED;
                }
                Json.line(out, line);
            }
        }
        return status;
    }

    static Map<String, Object> check(CheckResult c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("pass", c.pass());
        if (c.warning()) {
            m.put("warning", true);
        }
        m.put("value", Json.number(c.value()));
        m.put("threshold", Json.number(c.threshold()));
        m.put("message", c.message());
        m.put("message_en", c.messageEn());
        if (!c.pass()) {
            m.put("reason", c.reason());
            m.put("reason_en", c.reasonEn());
            m.put("advice", c.advice());
            m.put("advice_en", c.adviceEn());
        }
        if (c.knockOn()) {
            m.put("caused_by", c.causedBy());
        }
        if (c.region() != null) {
            Box r = c.region();
            m.put("region", List.of(Math.round(r.x()), Math.round(r.y()), Math.round(r.width()), Math.round(r.height())));
        }
        return m;
    }
}
