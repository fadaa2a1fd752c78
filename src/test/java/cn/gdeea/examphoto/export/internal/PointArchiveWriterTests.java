package cn.gdeea.examphoto.export.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.storage.internal.FileSystemPhotoStorage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointArchiveWriterTests {

    @TempDir Path dir;

    @Test
    void manifestShowsAFormulaNameAsTextNotAsAFormula() throws Exception {
        FileSystemPhotoStorage storage = new FileSystemPhotoStorage(dir.resolve("store"));
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3};
        storage.put("standard/1.jpg", jpeg, "image/jpeg");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg));
        Path zip = dir.resolve("p.zip");
        try (PointArchiveWriter writer = new PointArchiveWriter(storage, zip)) {
            writer.add(new CollectedPhoto("26440101000001", "=cmd|' /C calc'!A0", "440101", "@广州", OffsetDateTime.now(),
                    "standard/1.jpg", sha));
        }
        String manifest = entry(zip, "manifest.csv");
        assertThat(manifest).contains("'=cmd|' /C calc'!A0").contains("'@广州");
        assertThat(manifest.lines().skip(1).noneMatch(l -> l.contains(",=") || l.contains(",\"=") || l.contains(",@")))
                .as(manifest).isTrue();
    }

    private static String entry(Path zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    in.transferTo(out);
                    return out.toString(StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " not in " + zip);
    }
}
