package cn.gdeea.examphoto.cli;

import cn.gdeea.examphoto.job.Jobs;
import cn.gdeea.examphoto.roster.ImportSummary;
import cn.gdeea.examphoto.roster.ReferencePhotos;
import cn.gdeea.examphoto.roster.RosterImports;
import cn.gdeea.examphoto.storage.PhotoStorage;
import cn.gdeea.examphoto.web.ApiException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code import-roster FILE [--photos ZIP|DIR] [--spring.datasource.url=…]}: imports the roster
 * into the configured database in a Spring context without a web server, and writes the row
 * errors next to the input ({@code FILE.errors.csv}).
 */
final class ImportRosterCommand {

    private final BatchContext batch;
    private final PrintStream out;
    private final PrintStream err;

    ImportRosterCommand(BatchContext batch, PrintStream out, PrintStream err) {
        this.batch = batch;
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        try {
            return parseAndRun(args);
        } catch (CommandLine.UsageException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("import-roster failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private int parseAndRun(String[] args) throws Exception {
        Path file = null;
        Path photos = null;
        List<String> springArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--photos")) {
                if (++i >= args.length) {
                    throw new CommandLine.UsageException("--photos needs a ZIP file or a folder");
                }
                photos = Path.of(args[i]);
            } else if (a.startsWith("--photos=")) {
                photos = Path.of(a.substring("--photos=".length()));
            } else if (a.startsWith("--")) {
                springArgs.add(a);
            } else if (file == null) {
                file = Path.of(a);
            } else {
                throw new CommandLine.UsageException("one roster file only");
            }
        }
        if (file == null) {
            throw new CommandLine.UsageException("the roster file is missing");
        }
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.UsageException("no such file: " + file);
        }
        if (photos != null && !Files.exists(photos)) {
            throw new CommandLine.UsageException("no such ZIP file or folder: " + photos);
        }
        try (ConfigurableApplicationContext context = batch.start(springArgs)) {
            return importInto(context, file, photos);
        }
    }

    private int importInto(ConfigurableApplicationContext context, Path file, Path photoPath) throws Exception {
        RosterImports imports = context.getBean(RosterImports.class);
        Jobs jobs = context.getBean(Jobs.class);
        RosterImports.CheckedFile checked;
        ReferencePhotos photos;
        try {
            checked = imports.check(file, file.getFileName().toString());
            photos = imports.openPhotos(photoPath);
        } catch (ApiException e) {
            var error = e.toError();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("status", "REFUSED");
            json.put("code", error.code());
            json.put("message", error.messageEn());
            Json.line(out, json);
            return CommandLine.USAGE;
        }
        ImportSummary[] summary = new ImportSummary[1];
        Jobs.JobStatus job;
        try (photos) {
            job = jobs.runNow(RosterImports.JOB_KIND, "cli", true, progress -> summary[0] = imports.run(checked, photos, progress));
        } catch (Jobs.AlreadyRunningException e) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("status", "REFUSED");
            json.put("code", "roster.import_running");
            json.put("message", "Another roster import is queued or running; import again when it has finished");
            Json.line(out, json);
            return CommandLine.USAGE;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("job", job.id());
        json.put("status", job.status());
        if (summary[0] == null) {
            json.put("message", job.message());
            Json.line(out, json);
            return CommandLine.SOME_FAILED;
        }
        String report = null;
        if (summary[0].reportKey() != null) {
            Path reportFile = file.resolveSibling(file.getFileName() + ".errors.csv");
            byte[] bytes = context.getBean(PhotoStorage.class).get(summary[0].reportKey()).orElseThrow();
            Files.write(reportFile, bytes);
            report = reportFile.toAbsolutePath().toString();
        }
        json.put("rows", summary[0].rows());
        json.put("imported", summary[0].imported());
        json.put("updated", summary[0].updated());
        json.put("errors", summary[0].errors());
        json.put("photos", summary[0].photos());
        json.put("photosAttached", summary[0].photosAttached());
        json.put("photosMissing", summary[0].photosMissing());
        json.put("photosUnreadable", summary[0].photosUnreadable());
        json.put("seconds", Json.number(summary[0].seconds()));
        json.put("report", report);
        Json.line(out, json);
        err.println("examphoto import-roster: " + summary[0].rows() + " rows, " + summary[0].hashed()
                + " passwords hashed");
        return summary[0].errors() == 0 ? CommandLine.OK : CommandLine.SOME_FAILED;
    }
}
