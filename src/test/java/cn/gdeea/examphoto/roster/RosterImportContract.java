package cn.gdeea.examphoto.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gdeea.examphoto.job.Jobs;
import cn.gdeea.examphoto.support.FaceData;
import cn.gdeea.examphoto.web.ApiException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/** The roster import against a real database; run on H2 and on PostgreSQL by the subclasses. */
@SpringBootTest
@TestPropertySource(properties = "examphoto.demo.enabled=false")
abstract class RosterImportContract {

    static final String HEADER = RosterFixtures.HEADER;

    @Autowired
    RosterImports imports;
    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    cn.gdeea.examphoto.storage.PhotoStorage storage;

    @TempDir
    Path dir;

    /** Rows are numbered per test so tests sharing a database never collide. */
    private static long next = 1_000_000;

    static synchronized long base(int n) {
        long b = next;
        next += n;
        return b;
    }

    ImportSummary importFile(Path file, ReferencePhotos photos) {
        ImportSummary[] out = new ImportSummary[1];
        RosterImports.CheckedFile checked = imports.check(file, file.getFileName().toString());
        Jobs.JobStatus job = jobs.runNow(RosterImports.JOB_KIND, "test", p -> out[0] = imports.run(checked, photos, p));
        assertThat(job.status()).as(job.message()).isEqualTo("SUCCEEDED");
        assertThat(job.reportKey()).isEqualTo(out[0].reportKey());
        return out[0];
    }

    Path csv(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), HEADER + "\n" + String.join("\n", lines) + "\n");
    }

    Map<String, Object> candidate(String number) {
        return jdbc.sql("select * from candidate where candidate_number = ?").param(number).query().singleRow();
    }

    long count(String number) {
        return jdbc.sql("select count(*) from candidate where candidate_number = ?").param(number).query(Long.class).single();
    }

    /** The report's rows as "row:column:code". */
    Set<String> report(ImportSummary summary) {
        byte[] bytes = storage.get(summary.reportKey()).orElseThrow();
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
        return lines.subList(1, lines.size()).stream().map(l -> {
            String[] f = l.split(",");
            return f[0] + ":" + f[2].split(" ")[1] + ":" + f[3];
        }).collect(Collectors.toSet());
    }

    @Test
    void importsCsvThenUpdatesInPlaceKeepingJourneyStateAttemptsAndPassword() throws IOException {
        long b = base(3);
        String hash = passwords.encode("exported-1");
        Path first = csv("first.csv",
                RosterFixtures.line(b, 5, "initial1"),
                RosterFixtures.line(b + 1, 5, hash),
                RosterFixtures.line(b + 2, 5, "initial3").replace(RosterFixtures.name(b + 2), "张䶮"));
        ImportSummary s = importFile(first, ReferencePhotos.NONE);
        assertThat(s.rows()).isEqualTo(3);
        assertThat(s.imported()).isEqualTo(3);
        assertThat(s.updated()).isZero();
        assertThat(s.errors()).isZero();
        assertThat(s.hashed()).isEqualTo(2);
        assertThat(s.reportKey()).isNull();
        String n0 = RosterFixtures.candidateNumber(b);
        Map<String, Object> c0 = candidate(n0);
        assertThat(passwords.matches("initial1", (String) c0.get("password_hash"))).isTrue();
        assertThat(candidate(RosterFixtures.candidateNumber(b + 1)).get("password_hash")).isEqualTo(hash);
        assertThat(candidate(RosterFixtures.candidateNumber(b + 2)).get("rare_name")).isEqualTo(true);
        assertThat(c0.get("rare_name")).isEqualTo(false);
        assertThat(c0.get("document_type")).isEqualTo("ID_CARD");
        assertThat(jdbc.sql("select name from registration_point where code = ?").param(c0.get("point_code"))
                .query(String.class).single()).startsWith("报考点");

        jdbc.sql("update candidate set state = 'MANUAL_REQUIRED', attempts_used = 3 where candidate_number = ?")
                .param(n0).update();
        Path again = csv("again.csv",
                RosterFixtures.line(b, 5, "").replace(RosterFixtures.name(b), "陈新名"),
                RosterFixtures.line(b + 1, 5, "changed-pw"));
        ImportSummary s2 = importFile(again, ReferencePhotos.NONE);
        assertThat(s2.imported()).isZero();
        assertThat(s2.updated()).isEqualTo(2);
        assertThat(count(n0)).isEqualTo(1);
        Map<String, Object> after = candidate(n0);
        assertThat(after.get("name")).isEqualTo("陈新名");
        assertThat(after.get("state")).isEqualTo("MANUAL_REQUIRED");
        assertThat(after.get("attempts_used")).isEqualTo(3);
        assertThat(after.get("id")).isEqualTo(c0.get("id"));
        assertThat(after.get("password_hash")).isEqualTo(c0.get("password_hash"));
        assertThat(passwords.matches("changed-pw",
                (String) candidate(RosterFixtures.candidateNumber(b + 1)).get("password_hash"))).isTrue();
    }

    @Test
    void importsXlsxWithNumericCellsAndEnglishHeaders() throws IOException {
        long b = base(2);
        Path file = dir.resolve("roster.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("名单");
            String[] header = {"candidate_number", "name", "document_type", "document_number", "city", "point_code",
                    "point_name", "point_phone", "password"};
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
            }
            for (int r = 1; r <= 2; r++) {
                String[] f = RosterFixtures.line(b + r - 1, 3, "xlsx-pass").split(",", -1);
                ws.value(r, 0, Long.parseLong(f[0]));
                for (int c = 1; c < header.length; c++) {
                    ws.value(r, c, f[c]);
                }
            }
            wb.finish();
        }
        ImportSummary s = importFile(file, ReferencePhotos.NONE);
        assertThat(s.imported()).isEqualTo(2);
        assertThat(s.errors()).isZero();
        assertThat(candidate(RosterFixtures.candidateNumber(b + 1)).get("name")).isEqualTo(RosterFixtures.name(b + 1));
    }

    @Test
    void readsGbkCsvAsExcelInChinaSavesIt() throws IOException {
        long b = base(1);
        Path file = dir.resolve("gbk.csv");
        Files.write(file, (HEADER + "\r\n" + RosterFixtures.line(b, 3, "gbk-pass") + "\r\n").getBytes(Charset.forName("GBK")));
        ImportSummary s = importFile(file, ReferencePhotos.NONE);
        assertThat(s.imported()).isEqualTo(1);
        Map<String, Object> c = candidate(RosterFixtures.candidateNumber(b));
        assertThat(c.get("name")).isEqualTo(RosterFixtures.name(b));
        assertThat(c.get("city")).isIn("广州市", "深圳市");
    }

    @Test
    void readsUtf8CsvWithByteOrderMark() throws IOException {
        long b = base(1);
        Path file = dir.resolve("bom.csv");
        Files.writeString(file, "\uFEFF" + HEADER + "\n" + RosterFixtures.line(b, 3, "bom-pass") + "\n");
        assertThat(importFile(file, ReferencePhotos.NONE).imported()).isEqualTo(1);
    }

    @Test
    void reportsEveryRowErrorWithRowNumberAndImportsOnlyValidRows() throws IOException {
        long b = base(20);
        String ok = RosterFixtures.line(b, 3, "valid-pass");
        String id = RosterFixtures.idNumber(b + 3);
        String badId = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
        Path file = csv("errors.csv",
                ok,                                                                               // row 2 valid
                RosterFixtures.line(b + 1, 3, "valid-pass").replace(RosterFixtures.candidateNumber(b + 1), "12345"), // 3
                RosterFixtures.line(b + 2, 3, "valid-pass").replace("居民身份证", "驾驶证"),            // 4
                RosterFixtures.line(b + 3, 3, "valid-pass").replace(id, badId),                  // 5
                RosterFixtures.line(b + 4, 3, "valid-pass").replace(RosterFixtures.name(b + 4), ""), // 6
                RosterFixtures.line(b + 5, 3, "valid-pass").replace(RosterFixtures.candidateNumber(b + 5),
                        RosterFixtures.candidateNumber(b)),                                       // 7 duplicate number
                RosterFixtures.line(b + 6, 3, "valid-pass").replace(RosterFixtures.idNumber(b + 6),
                        RosterFixtures.idNumber(b)),                                              // 8 duplicate document
                String.join(",", RosterFixtures.candidateNumber(b + 7), "赵六", "护照", "E7654321", "广州市",
                        "449999", "", "", "valid-pass", ""),                                      // 9 unknown point
                RosterFixtures.line(b + 8, 3, "short"),                                           // 10 password too short
                RosterFixtures.line(b + 9, 3, ""),                                                // 11 new without password
                RosterFixtures.line(b + 10, 3, "valid-pass").replaceFirst(",$", ",me.jpg"),        // 12 photo, no archive
                RosterFixtures.line(b + 11, 3, "valid-pass"));                                    // 13 valid
        ImportSummary s = importFile(file, ReferencePhotos.NONE);
        assertThat(s.rows()).isEqualTo(12);
        assertThat(s.imported()).isEqualTo(2);
        assertThat(s.errors()).isEqualTo(10);
        assertThat(report(s)).containsExactlyInAnyOrder(
                "3:candidate_number:candidate_number.invalid",
                "4:document_type:document_type.unknown",
                "5:document_number:id_number.invalid",
                "6:name:field.missing",
                "7:candidate_number:candidate_number.duplicate",
                "8:document_number:document_number.duplicate",
                "9:point_name:point.unknown",
                "10:password:password.invalid",
                "11:password:password.missing",
                "12:reference_photo:reference_photo.not_found");
        assertThat(count(RosterFixtures.candidateNumber(b))).isEqualTo(1);
        assertThat(count(RosterFixtures.candidateNumber(b + 11))).isEqualTo(1);
        for (int i = 2; i <= 10; i++) {
            assertThat(count(RosterFixtures.candidateNumber(b + i))).as("row of b+" + i).isZero();
        }
        String reportText = new String(storage.get(s.reportKey()).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(reportText).doesNotContain(badId).doesNotContain(RosterFixtures.idNumber(b));
    }

    @Test
    void refusesFilesThatAreNotRostersBeforeImportingAnything() throws IOException {
        Path png = Files.write(dir.resolve("photo.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        assertThatThrownBy(() -> imports.check(png, "photo.csv")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.toError().code()).isEqualTo("roster.unsupported_type"));
        Path empty = Files.write(dir.resolve("empty.csv"), new byte[0]);
        assertThatThrownBy(() -> imports.check(empty, "empty.csv")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.toError().code()).isEqualTo("roster.empty"));
        Path noColumns = Files.writeString(dir.resolve("cols.csv"), "考生号,姓名\n26440000000001,张三\n");
        assertThatThrownBy(() -> imports.check(noColumns, "cols.csv")).isInstanceOfSatisfying(ApiException.class,
                e -> {
                    assertThat(e.toError().code()).isEqualTo("roster.missing_columns");
                    assertThat(e.toError().status()).isEqualTo(422);
                    assertThat(e.toError().details()).extracting(d -> d.field())
                            .contains("document_type", "document_number", "city", "point_code");
                });
        Path zipNotXlsx = dir.resolve("fake.xlsx");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zipNotXlsx))) {
            out.putNextEntry(new ZipEntry("hello.txt"));
            out.write(1);
            out.closeEntry();
        }
        assertThatThrownBy(() -> imports.check(zipNotXlsx, "fake.xlsx")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.toError().code()).isEqualTo("roster.unreadable"));
        Path headerOnly = Files.writeString(dir.resolve("header.csv"), HEADER + "\n");
        assertThatThrownBy(() -> imports.check(headerOnly, "header.csv")).isInstanceOf(ApiException.class);
    }

    @Test
    void storesReferencePhotosFromZipOrFolderAndReplacesOnlyChangedOnes() throws IOException {
        Path faces = FaceData.requireFolder();
        long b = base(3);
        Path zip = dir.resolve("photos.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("deepface/img1.jpg", "deepface/img3.jpg")) {
                out.putNextEntry(new ZipEntry("refs/" + name.substring(name.indexOf('/') + 1)));
                out.write(Files.readAllBytes(faces.resolve(name)));
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("broken.jpg"));
            out.write(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
            out.closeEntry();
        }
        Path roster = csv("photos.csv",
                RosterFixtures.line(b, 3, "photo-pass").replaceFirst(",$", ",img1.jpg"),
                RosterFixtures.line(b + 1, 3, "photo-pass").replaceFirst(",$", ",missing.jpg"),
                RosterFixtures.line(b + 2, 3, "photo-pass").replaceFirst(",$", ",broken.jpg"));
        ImportSummary s;
        try (ReferencePhotos photos = imports.openPhotos(zip)) {
            s = importFile(roster, photos);
        }
        assertThat(s.imported()).isEqualTo(1);
        assertThat(s.photos()).isEqualTo(1);
        assertThat(report(s)).containsExactlyInAnyOrder("3:reference_photo:reference_photo.not_found",
                "4:reference_photo:reference_photo.invalid");
        String number = RosterFixtures.candidateNumber(b);
        Long firstPhoto = (Long) candidate(number).get("reference_photo_id");
        assertThat(firstPhoto).isNotNull();
        assertThat(jdbc.sql("select kind from photo where id = ?").param(firstPhoto).query(String.class).single())
                .isEqualTo("REFERENCE");

        // The same archive again changes nothing; a new photo replaces it and clears the descriptor.
        try (ReferencePhotos photos = imports.openPhotos(zip)) {
            assertThat(importFile(csv("same.csv", RosterFixtures.line(b, 3, "").replaceFirst(",$", ",refs/img1.jpg")),
                    photos).photos()).isZero();
        }
        assertThat(candidate(number).get("reference_photo_id")).isEqualTo(firstPhoto);
        jdbc.sql("update candidate set reference_descriptor = ? where candidate_number = ?")
                .params(new byte[] {1, 2, 3}, number).update();
        try (ReferencePhotos folder = imports.openPhotos(faces.resolve("deepface"))) {
            ImportSummary s3 = importFile(csv("folder.csv", RosterFixtures.line(b, 3, "").replaceFirst(",$", ",img3.jpg")),
                    folder);
            assertThat(s3.photos()).isEqualTo(1);
            assertThat(s3.updated()).isEqualTo(1);
        }
        Map<String, Object> after = candidate(number);
        assertThat(after.get("reference_photo_id")).isNotEqualTo(firstPhoto);
        assertThat(after.get("reference_descriptor")).isNull();
        assertThat(count(number)).isEqualTo(1);
    }

    @Test
    void photosNamedByCandidateNumberAreAttachedAndEndAManualRouteTakenForWantOfOne() throws IOException {
        Path faces = FaceData.requireFolder();
        long b = base(4);
        String attached = RosterFixtures.candidateNumber(b);
        String png = RosterFixtures.candidateNumber(b + 1);
        String missing = RosterFixtures.candidateNumber(b + 2);
        String broken = RosterFixtures.candidateNumber(b + 3);
        // As the staff screen says: a ZIP whose files are named by candidate number, no photo column.
        Path zip = dir.resolve("by-number.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(attached + ".jpg"));
            out.write(Files.readAllBytes(faces.resolve("deepface/img1.jpg")));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("photos/" + png + ".png"));
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(faces.resolve("deepface/img3.jpg").toFile());
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(img, "png", bytes);
            out.write(bytes.toByteArray());
            out.closeEntry();
            out.putNextEntry(new ZipEntry(broken + ".jpg"));
            out.write(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
            out.closeEntry();
        }
        Path roster = csv("by-number.csv", RosterFixtures.line(b, 3, "photo-pass"), RosterFixtures.line(b + 1, 3, "photo-pass"),
                RosterFixtures.line(b + 2, 3, "photo-pass"), RosterFixtures.line(b + 3, 3, "photo-pass"));
        ImportSummary s;
        try (ReferencePhotos photos = imports.openPhotos(zip)) {
            s = importFile(roster, photos);
        }
        assertThat(s.imported()).isEqualTo(4);
        assertThat(s.errors()).isZero();
        assertThat(s.photosAttached()).isEqualTo(2);
        assertThat(s.photosMissing()).isEqualTo(1);
        assertThat(s.photosUnreadable()).isEqualTo(1);
        assertThat(report(s)).containsExactlyInAnyOrder("4:reference_photo:reference_photo.by_number_not_found",
                "5:reference_photo:reference_photo.by_number_unreadable");
        assertThat(candidate(attached).get("reference_photo_id")).isNotNull();
        assertThat(candidate(png).get("reference_photo_id")).isNotNull();
        assertThat(candidate(missing).get("reference_photo_id")).isNull();
        assertThat(imports.summary(jobs.recent(RosterImports.JOB_KIND, 1).get(0).id()).orElseThrow().photosMissing())
                .isEqualTo(1);

        // The candidate without one was routed to manual review; the photo arriving by re-import sends
        // them back to automatic verification, as a staff replacement does.
        long id = ((Number) candidate(missing).get("id")).longValue();
        jdbc.sql("update candidate set state = 'MANUAL_REQUIRED' where id = ?").param(id).update();
        jdbc.sql("insert into review_case (candidate_id, point_code, reason, status) values (?, ?, 'NO_REFERENCE', 'AWAITING_MATERIALS')")
                .params(id, candidate(missing).get("point_code")).update();
        Path later = dir.resolve("later.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(later))) {
            out.putNextEntry(new ZipEntry(missing + ".JPG"));
            out.write(Files.readAllBytes(faces.resolve("deepface/img1.jpg")));
            out.closeEntry();
        }
        try (ReferencePhotos photos = imports.openPhotos(later)) {
            ImportSummary again = importFile(csv("later.csv", RosterFixtures.line(b + 2, 3, "")), photos);
            assertThat(again.photosAttached()).isEqualTo(1);
            assertThat(again.photosMissing()).isZero();
        }
        assertThat(candidate(missing).get("state")).isEqualTo("NOT_STARTED");
        assertThat(jdbc.sql("select status from review_case where candidate_id = ?").param(id).query(String.class).single())
                .isEqualTo("CANCELLED");
    }

    @Test
    void folderPhotosCannotEscapeTheFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("refs"));
        Files.writeString(dir.resolve("secret.jpg"), "outside");
        try (ReferencePhotos photos = imports.openPhotos(folder)) {
            assertThat(photos.read("../secret.jpg")).isEmpty();
            assertThat(photos.read(dir.resolve("secret.jpg").toString())).isEmpty();
        }
    }

    @Test
    void refusesZipWithPathTraversal() throws IOException {
        Path zip = dir.resolve("evil.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("../../etc/evil.jpg"));
            out.write(new byte[] {1, 2, 3});
            out.closeEntry();
        }
        assertThatThrownBy(() -> imports.openPhotos(zip)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.toError().code()).isEqualTo("roster.photos_unsafe"));
    }

    @Test
    void refusesZipBombs() throws IOException {
        Path big = dir.resolve("bomb-big.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(big))) {
            out.putNextEntry(new ZipEntry("a.jpg"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertThat(Files.size(big)).isLessThan(200_000);
        assertThatThrownBy(() -> imports.openPhotos(big)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.toError().code()).isEqualTo("roster.photos_unsafe"));
        Path ratio = dir.resolve("bomb-ratio.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(ratio))) {
            out.putNextEntry(new ZipEntry("b.jpg"));
            out.write(new byte[4 << 20]);
            out.closeEntry();
        }
        assertThatThrownBy(() -> imports.openPhotos(ratio)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.toError().message()).contains("压缩"));
        Path notZip = Files.writeString(dir.resolve("not.zip"), "hello");
        assertThatThrownBy(() -> imports.openPhotos(notZip)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.toError().code()).isEqualTo("roster.photos_unreadable"));
    }
}
