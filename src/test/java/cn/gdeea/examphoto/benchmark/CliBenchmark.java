package cn.gdeea.examphoto.benchmark;

import cn.gdeea.examphoto.support.FaceData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The batch command as a whole process against face-api on Node doing the same job: {@code
 * bin/examphoto verify --pairs} on the first 30 pairs of {@code pairs.tsv} (paths made absolute),
 * and {@code src/test/node/faceapi-verify.mjs} on the same TSV, each started {@value #RUNS} times
 * after one untimed run (which lets bin/examphoto record its class-data archive and warms the
 * file cache for both). Prints the median wall time of each and the ratio.
 *
 * <p>Needs the jar ({@code ./mvnw -DskipTests package}) and {@code npm ci --prefix src/test/node}.
 * Run: {@code ./mvnw -q -DskipTests test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cn.gdeea.examphoto.benchmark.CliBenchmark}
 */
public final class CliBenchmark {

    private static final int PAIRS = 30;
    private static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        Path faces = FaceData.requireFolder().toAbsolutePath().normalize();
        List<String> lines = Files.readAllLines(faces.resolve("pairs.tsv"));
        List<String> tsv = new ArrayList<>(List.of("path_a\tpath_b"));
        for (String line : lines.subList(1, PAIRS + 1)) {
            String[] f = line.split("\t");
            tsv.add(faces.resolve(f[0]) + "\t" + faces.resolve(f[1]));
        }
        Path pairs = Path.of("target", "benchmark", "pairs-30.tsv").toAbsolutePath();
        Files.createDirectories(pairs.getParent());
        Files.write(pairs, tsv);
        List<String> ours = List.of("bin/examphoto", "verify", "--pairs", pairs.toString());
        List<String> theirs = List.of("node", "src/test/node/faceapi-verify.mjs",
                Path.of("models/node_modules/@vladmandic/face-api/model").toAbsolutePath().toString(), pairs.toString());
        double examphoto = medianSeconds(ours);
        double faceApi = medianSeconds(theirs);
        System.out.printf(Locale.ROOT, "%d pairs, %d photos; median of %d whole-process runs%n", PAIRS,
                tsv.stream().skip(1).flatMap(l -> Arrays.stream(l.split("\t"))).distinct().count(), RUNS);
        System.out.printf(Locale.ROOT, "bin/examphoto verify --pairs: %.2f s%n", examphoto);
        System.out.printf(Locale.ROOT, "face-api 1.7.15 on Node (tfjs wasm): %.2f s%n", faceApi);
        System.out.printf(Locale.ROOT, "ratio face-api / examphoto: %.1fx%n", faceApi / examphoto);
    }

    private static double medianSeconds(List<String> command) throws IOException, InterruptedException {
        run(command);
        double[] seconds = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            run(command);
            seconds[i] = (System.nanoTime() - t) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[RUNS / 2];
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("cli-benchmark", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() > 1) {
                throw new IllegalStateException(command.get(0) + " failed: " + Files.readString(log));
            }
            long lines = Files.readAllLines(log).stream().filter(l -> l.startsWith("{")).count();
            if (lines < PAIRS) {
                throw new IllegalStateException(command.get(0) + " printed " + lines + " results: " + Files.readString(log));
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
