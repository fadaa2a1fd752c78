package cn.gdeea.examphoto.photo.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What each source photo is known to comply with, read from tab-separated files beside this class
 * ({@link #FILES}; a missing file is skipped): {@code path  check  label  note}, label one of
 * {@code compliant}, {@code violates}, {@code unknown}, or {@code excluded} (with check {@code *}:
 * the photo is not used). A path of {@code *} sets the default for every photo; a check without
 * any row is compliant, since the composed portrait is made to comply. Lines starting with
 * {@code #} are comments.
 */
final class PortraitLabels {

    static final List<String> FILES = List.of("portrait-labels.tsv", "appearance-labels.tsv");

    enum Label { COMPLIANT, VIOLATES, UNKNOWN }

    private final Map<String, Map<String, Label>> labels = new HashMap<>();
    private final Set<String> excluded = new LinkedHashSet<>();

    static PortraitLabels load() {
        PortraitLabels result = new PortraitLabels();
        for (String file : FILES) {
            try (InputStream in = PortraitLabels.class.getResourceAsStream(file)) {
                if (in != null) {
                    result.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return result;
    }

    private void read(BufferedReader reader, String file) throws IOException {
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 3) {
                throw new IllegalArgumentException(file + ":" + number + ": expected path, check, label");
            }
            String label = f[2].strip();
            if (label.equals("excluded")) {
                excluded.add(f[0].strip());
            } else {
                labels.computeIfAbsent(f[0].strip(), k -> new HashMap<>())
                        .put(f[1].strip(), Label.valueOf(label.toUpperCase(Locale.ROOT)));
            }
        }
    }

    boolean excluded(String path) {
        return excluded.contains(path);
    }

    Label label(String path, String check) {
        Label specific = labels.getOrDefault(path, Map.of()).get(check);
        if (specific != null) {
            return specific;
        }
        return labels.getOrDefault("*", Map.of()).getOrDefault(check, Label.COMPLIANT);
    }

    Set<String> with(String path, Collection<String> checks, Label wanted) {
        Set<String> out = new LinkedHashSet<>();
        for (String check : checks) {
            if (label(path, check) == wanted) {
                out.add(check);
            }
        }
        return out;
    }
}
