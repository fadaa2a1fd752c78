package cn.gdeea.examphoto.cli;

import cn.gdeea.examphoto.staff.AdminBootstrap;
import cn.gdeea.examphoto.web.ApiException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code create-admin --username NAME [--password-env VAR] [--force] [--spring.x=y ...]}: the first
 * admin account of an installation, in the configured database. The password is generated and
 * printed once unless {@code --password-env} names an environment variable holding it (never on
 * the command line, where other users' {@code ps} would see it). Refuses when an admin exists,
 * unless {@code --force} (then the account is reset). Prints one JSON object.
 */
final class CreateAdminCommand {

    private final BatchContext batch;
    private final PrintStream out;
    private final PrintStream err;

    CreateAdminCommand(BatchContext batch, PrintStream out, PrintStream err) {
        this.batch = batch;
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        String username = null;
        String password = null;
        boolean force = false;
        List<String> springArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--username" -> username = value(args, ++i, "--username needs a name");
                case "--password-env" -> {
                    String variable = value(args, ++i, "--password-env needs a variable name");
                    password = System.getenv(variable);
                    if (password == null || password.isEmpty()) {
                        throw new CommandLine.UsageException("environment variable " + variable + " is not set");
                    }
                }
                case "--force" -> force = true;
                default -> {
                    if (args[i].startsWith("--") && args[i].contains("=")) {
                        springArgs.add(args[i]);
                    } else {
                        throw new CommandLine.UsageException("unexpected argument " + args[i]);
                    }
                }
            }
        }
        if (username == null) {
            throw new CommandLine.UsageException("expected --username NAME");
        }
        Map<String, Object> line = new LinkedHashMap<>();
        PrintStream stdout = System.out;
        System.setOut(err);
        try (ConfigurableApplicationContext context = batch.start(springArgs)) {
            AdminBootstrap.Created created = context.getBean(AdminBootstrap.class).create(username, password, force);
            line.put("username", created.username());
            line.put("status", created.created() ? "CREATED" : "RESET");
            if (created.generatedPassword() != null) {
                line.put("password", created.generatedPassword());
            }
        } catch (ApiException e) {
            line.put("username", username);
            line.put("status", "REFUSED");
            line.put("error", e.toError().code());
            line.put("message", e.toError().messageEn());
        } finally {
            System.setOut(stdout);
        }
        Json.line(out, line);
        return "REFUSED".equals(line.get("status")) ? CommandLine.SOME_FAILED : CommandLine.OK;
    }

    private static String value(String[] args, int i, String missing) {
        if (i >= args.length || args[i].isBlank() || args[i].startsWith("--")) {
            throw new CommandLine.UsageException(missing);
        }
        return args[i].trim();
    }
}
