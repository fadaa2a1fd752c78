package cn.gdeea.examphoto.roster;

import cn.gdeea.examphoto.web.ApiException;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Fuzzes the reference-photo archive reader: opening ends in an index or one 4xx
 * {@link ApiException}; reading an entry ends in its bytes (never more than the limit), nothing,
 * or an {@link IOException} the import reports as that row's error. Inputs are real ZIP archives
 * with fuzzed entry names, sizes and methods and bytes overwritten, or raw bytes.
 */
class ReferencePhotosFuzzTests {

    private static final long MAX_BYTES = 64 * 1024;

    @FuzzTest(maxDuration = "20s")
    void opensEveryArchiveOrRefusesItClearly(FuzzedDataProvider data) throws IOException {
        List<String> names = new ArrayList<>();
        byte[] bytes = data.consumeBoolean() ? zip(data, names) : data.consumeRemainingAsBytes();
        Path file = Files.createTempFile("fuzz-photos", ".zip");
        try {
            Files.write(file, bytes);
            ReferencePhotos photos;
            try {
                photos = ReferencePhotos.open(file, MAX_BYTES);
            } catch (ApiException e) {
                if (!e.status().is4xxClientError()) {
                    throw new AssertionError("not a client error: " + e.status(), e);
                }
                return;
            }
            try (photos) {
                names.add("a.jpg");
                for (String name : names) {
                    try {
                        photos.read(name).ifPresent(b -> {
                            if (b.length > MAX_BYTES) {
                                throw new AssertionError("read " + b.length + " bytes past the limit");
                            }
                        });
                    } catch (IOException rowError) {
                        // too large or damaged: that candidate's row error
                    }
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static byte[] zip(FuzzedDataProvider data, List<String> names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            int entries = data.consumeInt(0, 4);
            for (int i = 0; i < entries; i++) {
                String name = data.consumeString(30);
                if (name.isEmpty() || names.contains(name)) {
                    continue;
                }
                names.add(name);
                ZipEntry entry = new ZipEntry(name);
                zip.putNextEntry(entry);
                byte[] content = data.consumeBytes(data.consumeInt(0, 2000));
                int repeat = data.consumeInt(1, 200);
                for (int r = 0; r < repeat; r++) {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        }
        byte[] bytes = out.toByteArray();
        int edits = data.consumeInt(0, 6);
        for (int i = 0; i < edits && bytes.length > 0; i++) {
            bytes[data.consumeInt(0, bytes.length - 1)] = data.consumeByte();
        }
        return bytes;
    }
}
