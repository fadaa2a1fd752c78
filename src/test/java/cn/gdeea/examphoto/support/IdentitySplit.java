package cn.gdeea.examphoto.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The split of the face photos by identity into a calibration half, on which thresholds are
 * chosen, and a held-out half, from which every published figure comes. No person is in both.
 * Within each source folder the identities (MANIFEST.tsv's person_id) are sorted and dealt
 * alternately, so both halves hold every source; a photo without a single labelled identity
 * counts as its own identity.
 */
public final class IdentitySplit {

    public enum Half { CALIBRATION, HELD_OUT }

    private final Map<String, String> identityOf;
    private final Map<String, Half> halfOf = new HashMap<>();

    private IdentitySplit(Map<String, String> identityOf) {
        this.identityOf = identityOf;
        Map<String, TreeSet<String>> bySource = new TreeMap<>();
        identityOf.forEach((path, id) -> bySource.computeIfAbsent(source(path), k -> new TreeSet<>()).add(id));
        for (TreeSet<String> ids : bySource.values()) {
            int i = 0;
            for (String id : ids) {
                halfOf.put(id, i++ % 2 == 0 ? Half.CALIBRATION : Half.HELD_OUT);
            }
        }
    }

    /** The split of the photos listed in {@code MANIFEST.tsv}. */
    public static IdentitySplit load() {
        try {
            Map<String, String> ids = new TreeMap<>();
            List<String> lines = Files.readAllLines(FaceData.requireFolder().resolve("MANIFEST.tsv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                ids.put(f[0], "-".equals(f[1]) ? "photo:" + f[0] : f[1]);
            }
            return new IdentitySplit(ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String identity(String path) {
        String id = identityOf.get(path);
        if (id == null) {
            throw new IllegalArgumentException("photo not in MANIFEST.tsv: " + path);
        }
        return id;
    }

    public Half half(String path) {
        return halfOf.get(identity(path));
    }

    /** The pairs whose two photos are both in {@code half} (a pair across halves is left out). */
    public List<FaceData.Pair> pairs(List<FaceData.Pair> pairs, Half half) {
        List<FaceData.Pair> out = new ArrayList<>();
        for (FaceData.Pair p : pairs) {
            if (half(p.pathA()) == half && half(p.pathB()) == half) {
                out.add(p);
            }
        }
        return out;
    }

    private static String source(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
