package cn.gdeea.examphoto.cli;

import cn.gdeea.examphoto.export.ExportJob;
import cn.gdeea.examphoto.export.PhotoExport;
import cn.gdeea.examphoto.web.ApiException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code export-photos DIR [--point CODE] [--spring.x=y ...]}: runs the same export as
 * {@code POST /api/admin/exports} against the configured database and photo store, and also writes
 * each registration point's archive as {@code DIR/<pointCode>.zip} ({@code <candidate number>.jpg}
 * files and {@code manifest.csv}). Prints one JSON object: job, status, points, photos, missing, dir.
 */
final class ExportPhotosCommand {

    private final BatchContext batch;
    private final PrintStream out;
    private final PrintStream err;

    ExportPhotosCommand(BatchContext batch, PrintStream out, PrintStream err) {
        this.batch = batch;
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        String dir = null;
        String point = null;
        List<String> springArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--point")) {
                if (i + 1 >= args.length || args[i + 1].isBlank()) {
                    throw new CommandLine.UsageException("--point needs a registration point code");
                }
                point = args[++i].trim();
            } else if (args[i].startsWith("--") && args[i].contains("=")) {
                springArgs.add(args[i]);
            } else if (dir == null && !args[i].startsWith("--")) {
                dir = args[i];
            } else {
                throw new CommandLine.UsageException("unexpected argument " + args[i]);
            }
        }
        if (dir == null) {
            throw new CommandLine.UsageException("expected DIR");
        }
        Path folder = Path.of(dir).toAbsolutePath().normalize();
        Map<String, Object> line = new LinkedHashMap<>();
        // Spring's log lines go to standard error while the context lives: standard output is the JSON.
        PrintStream stdout = System.out;
        System.setOut(err);
        try (ConfigurableApplicationContext context = batch.start(springArgs)) {
            ExportJob export = context.getBean(PhotoExport.class).runInto(point, folder, "cli");
            long photos = export.files().stream().mapToLong(f -> f.candidates()).sum();
            line.put("job", export.job().id());
            line.put("status", export.job().status());
            line.put("points", export.files().size());
            line.put("photos", photos);
            line.put("missing", export.job().total() - photos);
            line.put("dir", folder.toString());
            if (export.job().message() != null) {
                line.put("message", export.job().message());
            }
            boolean complete = "SUCCEEDED".equals(export.job().status()) && photos == export.job().total();
            Json.line(out, line);
            return complete ? CommandLine.OK : CommandLine.SOME_FAILED;
        } catch (ApiException e) {
            line.put("status", "FAILED");
            line.put("dir", folder.toString());
            line.put("error", e.toError().messageEn());
            Json.line(out, line);
            return CommandLine.SOME_FAILED;
        } finally {
            System.setOut(stdout);
        }
    }
}
