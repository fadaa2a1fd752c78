package cn.gdeea.examphoto.support;

import cn.gdeea.examphoto.image.Images;
import cn.gdeea.examphoto.image.RgbImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * The shared folder of real face photos with known identities ({@code ../shared/data/faces}),
 * which tests read in place. Its location comes from the {@code examphoto.faces} system property.
 */
public final class FaceData {

    /** One labelled pair from {@code pairs.tsv}. */
    public record Pair(String pathA, String pathB, boolean same) {
    }

    private FaceData() {
    }

    public static Optional<Path> folder() {
        Path dir = Path.of(System.getProperty("examphoto.faces", "../shared/data/faces"));
        return Files.isRegularFile(dir.resolve("pairs.tsv")) ? Optional.of(dir) : Optional.empty();
    }

    /** The folder, or the test is skipped with the reason printed. */
    public static Path requireFolder() {
        Optional<Path> dir = folder();
        if (dir.isEmpty()) {
            Skip.because("face photos not found at " + System.getProperty("examphoto.faces")
                    + " (set -Dexamphoto.faces=DIR; they live in ../shared/data/faces)");
        }
        return dir.get();
    }

    public static List<Pair> pairs() {
        try {
            List<Pair> pairs = new ArrayList<>();
            List<String> lines = Files.readAllLines(requireFolder().resolve("pairs.tsv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                pairs.add(new Pair(f[0], f[1], "1".equals(f[2])));
            }
            return pairs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A photo of the folder, decoded upright as RGB. */
    public static RgbImage image(String relativePath) {
        return read(requireFolder().resolve(relativePath));
    }

    public static RgbImage read(Path file) {
        try {
            BufferedImage decoded = ImageIO.read(file.toFile());
            if (decoded == null) {
                throw new IOException("not an image: " + file);
            }
            return Images.fromBufferedImage(decoded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
