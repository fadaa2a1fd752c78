package cn.gdeea.examphoto.photo.evaluation;

import cn.gdeea.examphoto.face.DetectedFace;
import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.support.FaceData;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Makes photos that follow the photo guide from the real photos of the shared faces folder: the
 * head, hair and neck of a photo with one face ({@link HeadCutout}) on an evenly lit light wall,
 * with shoulders in a colour that stands out from it, framed as a phone photo taken by another
 * person (3:4, brow-to-chin 27–42% of the height) — most real photos have coloured, busy
 * backgrounds and so could not serve as they are. Deterministic for a given photo and variant.
 *
 * <p>The composition of every portrait made is kept, so that a {@link Violation} can take the
 * same person again with one thing changed ({@link #recompose}) instead of editing pixels.
 */
final class CompliantPortraits {

    /** Fixed so the set is the same on every run; another value gives a fresh set to check calibration on. */
    static final long SEED = Long.getLong("examphoto.evaluation.seed", 20_250_601L);
    private static final double MIN_PIXELS_PER_UNIT = 60;
    private static final double MAX_UPSCALE = 1.35;
    private static final int MIN_HEIGHT = 560;
    private static final int MAX_HEIGHT = 1600;
    private static final Color[] CLOTHES = {
            new Color(28, 32, 48), new Color(24, 24, 26), new Color(60, 64, 70), new Color(110, 28, 40),
            new Color(32, 70, 48), new Color(38, 66, 140), new Color(160, 36, 40), new Color(28, 96, 104),
            new Color(84, 56, 40), new Color(70, 40, 96)};

    /** A usable photo of the folder: its path and who is in it. */
    record Source(String path, String person) {
    }

    private record Composition(Source source, HeadCutout head, Framing framing) {
    }

    private static final Map<String, Composition> COMPOSITIONS = new ConcurrentHashMap<>();
    private static final Map<String, HeadCutout> HEADS = new ConcurrentHashMap<>();

    private CompliantPortraits() {
    }

    /** Photos of one labelled person or one unlabelled face, minus those the labels exclude. */
    static List<Source> sources(Path folder, PortraitLabels labels) {
        try {
            List<Source> out = new ArrayList<>();
            for (String line : Files.readAllLines(folder.resolve("MANIFEST.tsv")).stream().skip(1).toList()) {
                String[] f = line.split("\t");
                boolean single = !f[1].equals("-") || f[5].startsWith("single face");
                boolean copy = f[5].contains("not used in pairs");
                if (single && !copy && !f[0].startsWith("face-api.js/") && !labels.excluded(f[0])) {
                    out.add(new Source(f[0], f[1].equals("-") ? f[0] : f[1]));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The head of {@code source} cut out, or empty when the photo does not show one clear face
     * with enough pixels. Cached: violations reuse it.
     */
    static Optional<HeadCutout> head(Path folder, Source source, FaceEngine engine) {
        HeadCutout cached = HEADS.get(source.path());
        if (cached != null) {
            return Optional.of(cached);
        }
        RgbImage photo = FaceData.read(folder.resolve(source.path()));
        List<DetectedFace> faces = engine.detect(photo).stream().filter(f -> f.score() >= 0.8).toList();
        if (faces.size() != 1) {
            return Optional.empty();
        }
        HeadCutout head = HeadCutout.extract(photo, faces.get(0));
        if (head.pixelsPerUnit < MIN_PIXELS_PER_UNIT) {
            return Optional.empty();
        }
        HEADS.put(source.path(), head);
        return Optional.of(head);
    }

    /** Variant {@code variant} of the portrait of {@code source}, labelled for {@code checks}. */
    static Portrait portrait(Source source, HeadCutout head, int variant, FaceEngine engine, PortraitLabels labels,
                             Collection<String> checks) {
        Random random = new Random(SEED ^ (source.path().hashCode() * 31L + variant));
        Framing framing = framing(head, random);
        RgbImage image = PortraitRenderer.render(head, framing, Scene.PLAIN, random);
        String id = source.path() + "#" + variant;
        COMPOSITIONS.put(id, new Composition(source, head, framing));
        DetectedFace face = engine.detect(image).stream().max(Comparator.comparingDouble(DetectedFace::score)).orElse(null);
        return new Portrait(id, image, face, labels.with(source.path(), checks, PortraitLabels.Label.COMPLIANT));
    }

    /** The source photo's path of a portrait made here. */
    static String sourcePath(Portrait portrait) {
        int hash = portrait.source().indexOf('#');
        return hash < 0 ? portrait.source() : portrait.source().substring(0, hash);
    }

    /** The same person and scene as {@code portrait}, with the framing changed and a scene applied. */
    static RgbImage recompose(Portrait portrait, UnaryOperator<Framing> change, Scene scene, Random random) {
        Composition c = composition(portrait);
        return PortraitRenderer.render(c.head(), change.apply(c.framing()), scene, random);
    }

    static Framing framingOf(Portrait portrait) {
        return composition(portrait).framing();
    }

    static HeadCutout headOf(Portrait portrait) {
        return composition(portrait).head();
    }

    /** The head of somebody else than the person in {@code portrait}, picked by {@code random}. */
    static HeadCutout otherPerson(Portrait portrait, Random random) {
        String person = composition(portrait).source().person();
        List<Composition> others = COMPOSITIONS.values().stream()
                .filter(c -> !c.source().person().equals(person))
                .sorted(Comparator.comparing(c -> c.source().path()))
                .toList();
        if (others.isEmpty()) {
            throw new IllegalStateException("no other person composed yet");
        }
        return others.get(random.nextInt(others.size())).head();
    }

    private static Composition composition(Portrait portrait) {
        Composition c = COMPOSITIONS.get(portrait.source());
        if (c == null) {
            throw new IllegalArgumentException("not composed by CompliantPortraits: " + portrait.source());
        }
        return c;
    }

    /**
     * A phone-like framing: brow-to-chin 27–42% of the height (most near a third), the eyes 36–46%
     * down with the top of the head and the shoulders in the picture, the face near the middle,
     * the head upright within ±2.5°; a light wall, clothes of a darker colour, some sensor noise.
     */
    static Framing framing(HeadCutout head, Random r) {
        double share = 0.27 + 0.15 * (r.nextDouble() + r.nextDouble()) / 2;
        int height = (int) Math.round(Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, head.pixelsPerUnit * Framing.BROW_TO_CHIN / share)));
        share = Math.min(share, Math.max(0.27, head.pixelsPerUnit * MAX_UPSCALE * Framing.BROW_TO_CHIN / height));
        double eyeLine = Math.min(0.85 - 0.81 * share, Math.max(0.36 + 0.10 * r.nextDouble(), 0.035 + 0.905 * share));
        double centre = 0.5 + (r.nextDouble() - 0.5) * 0.07;
        double roll = (r.nextDouble() - 0.5) * 5;
        int light = 232 + r.nextInt(20);
        int tint = r.nextInt(7) - 3;
        Color wall = new Color(clamp(light + tint), clamp(light), clamp(light - tint - r.nextInt(3)));
        Color own = head.clothing();
        boolean ownDark = own != null && 0.299 * own.getRed() + 0.587 * own.getGreen() + 0.114 * own.getBlue() < 100;
        Color clothing = ownDark && r.nextBoolean() ? own : CLOTHES[r.nextInt(CLOTHES.length)];
        return new Framing((int) Math.round(height * 0.75), height, share, eyeLine, centre, roll, wall,
                0.02 + 0.08 * r.nextDouble(), r.nextDouble() * 2 * Math.PI, clothing, r.nextBoolean(),
                1.0 + 1.5 * r.nextDouble(), 0.80f + 0.13f * r.nextFloat());
    }

    private static int clamp(int channel) {
        return Math.max(0, Math.min(255, channel));
    }
}
