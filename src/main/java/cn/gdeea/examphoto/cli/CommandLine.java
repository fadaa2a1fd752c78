package cn.gdeea.examphoto.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * The batch entry point beside the server: {@code bin/examphoto COMMAND ARGS}. Each command
 * prints one JSON object per line on standard output; diagnostics go to standard error. The face
 * models load once per run.
 */
public final class CommandLine {

    /** Exit codes: 0 all done, 1 some inputs failed (reported in the JSON), 2 usage error. */
    static final int OK = 0;
    static final int SOME_FAILED = 1;
    static final int USAGE = 2;

    private static final Map<String, String> USAGES = Map.of(
            "check", "check FILE...                 photo-guide checks, one JSON line per file",
            "verify", "verify --pairs PAIRS.tsv       1:1 verification of path_a (reference) against path_b",
            "standardize", "standardize IN OUT             write the standard photo (480×640 JPEG) of IN to OUT",
            "import-roster", "import-roster FILE [--photos ZIP|DIR] [--spring.datasource.url=…]  import the roster (CSV/.xlsx) into the database",
            "export-photos", "export-photos DIR [--point CODE]  collected standard photos as DIR/<point>.zip (JPEGs + manifest.csv)",
            "create-admin", "create-admin --username NAME [--password-env VAR] [--force]  the first admin account (password generated, printed once)");

    private CommandLine() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (USAGES.containsKey(args[0]) || Set.of("help", "--help", "-h").contains(args[0]));
    }

    /**
     * Runs one command; {@code application} is the Spring Boot application the database-backed
     * commands start without a web server.
     */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        BatchContext batch = new BatchContext(application);
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (command) {
                case "check" -> new CheckCommand(out, err).run(rest);
                case "verify" -> new VerifyCommand(out, err).run(rest);
                case "standardize" -> new StandardizeCommand(out, err).run(rest);
                case "import-roster" -> new ImportRosterCommand(batch, out, err).run(rest);
                case "export-photos" -> new ExportPhotosCommand(batch, out, err).run(rest);
                case "create-admin" -> new CreateAdminCommand(batch, out, err).run(rest);
                default -> usage(err);
            };
        } catch (UsageException e) {
            err.println("examphoto " + command + ": " + e.getMessage());
            err.println("usage: bin/examphoto " + USAGES.getOrDefault(command, command));
            return USAGE;
        }
    }

    private static int usage(PrintStream err) {
        err.println("usage: bin/examphoto COMMAND ARGS   (without a command: start the server)");
        USAGES.values().stream().sorted().forEach(u -> err.println("  " + u));
        return USAGE;
    }

    /** Wrong arguments: the command prints its usage. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
