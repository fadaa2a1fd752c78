package cn.gdeea.examphoto.staff;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.candidate.CandidateFixture;
import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.security.TokenService;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.support.Browsers;
import cn.gdeea.examphoto.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staff console (管理后台) in Debian's Chromium at 1440×900 against the running application on
 * PostgreSQL: review cases that the candidate API created, with screenshots of each page in
 * {@code target/reports/screenshots/staff-console/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffConsoleBrowserIntegrationTests {

    static final String SUITE = "staff-console";
    /** Where {@link CandidateFixture} registers its candidates. */
    static final String POINT = "P4401";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.postgres(registry);
    }

    @Autowired JdbcClient jdbc;
    @Autowired PhotoRecords photos;
    @Autowired TransactionTemplate tx;
    @Autowired PasswordEncoder encoder;
    @Autowired FaceEngine engine;
    @Autowired TestRestTemplate http;
    @Autowired TokenService tokens;
    @LocalServerPort int port;

    Playwright playwright;
    Browser browser;
    CandidateFixture candidates;
    StaffFixture staff;

    @BeforeAll
    void browser() {
        playwright = Browsers.playwright();
        browser = Browsers.launch(playwright, null);
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void fixtures() {
        candidates = new CandidateFixture(jdbc, photos, tx, encoder, engine, http);
        staff = new StaffFixture(jdbc, photos, tokens, encoder, tx);
    }

    @Test
    void reviewerApprovesACaseTheCandidateFlowCreatedAndTheCandidateIsCollected() {
        Submitted s = submitForManualReview("吴九");
        long reviewer = reviewer();
        try (BrowserContext context = Browsers.desktop(browser, base())) {
            Page page = context.newPage();
            page.navigate("/staff/");
            page.locator("[data-test=username]").fill(staff.username(reviewer));
            page.locator("[data-test=password]").fill("password-" + staff.username(reviewer));
            Browsers.screenshot(page, SUITE, "01-login");
            page.locator("[data-test=login]").click();

            Locator row = page.locator(".queue-row", new Page.LocatorOptions().setHasText(s.candidate().number()));
            assertThat(row).isVisible();
            Browsers.screenshot(page, SUITE, "02-queue");
            row.click();

            assertThat(page.locator("[data-test=claimed]")).isVisible();
            // A passport's materials: its photo page and the hand-held photo, no ID card sides.
            assertThat(page.locator("[data-test=photo-id-portrait]")).hasCount(0);
            assertThat(page.locator("[data-test=photo-document-page] figcaption")).hasText("证件照片页");
            assertThat(page.locator("[data-test=photo-hand-held] figcaption")).hasText("手持证件照片");
            for (String photo : new String[] {"portrait", "reference", "document-page", "hand-held"}) {
                if (!photo.equals("reference")) {
                    assertThat(page.locator("[data-test=photo-" + photo + "] img")).isVisible();
                }
            }
            page.waitForFunction("() => [...document.querySelectorAll('.secure-image img')].every(i => i.complete && i.naturalWidth > 0)");
            assertThat(page.locator("[data-test=document-number]")).not().hasText("44010620080101001X");
            page.locator("[data-test=reveal]").click();
            assertThat(page.locator("[data-test=document-number]")).hasText("44010620080101001X");
            Browsers.screenshot(page, SUITE, "03-case");
            assertThat(jdbc.sql("select count(*) from audit_log where action = 'candidate.reveal_document' and candidate_id = ?")
                    .param(s.candidate().id()).query(Long.class).single()).isEqualTo(1);

            page.locator("[data-test=photo-portrait] .frame").click();
            assertThat(page.locator(".el-image-viewer__wrapper")).isVisible();
            Browsers.screenshot(page, SUITE, "04-case-zoomed");
            page.keyboard().press("Escape");
            assertThat(page.locator(".el-image-viewer__wrapper")).isHidden();

            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/cases/\\d+$"));
            String caseUrl = page.url();
            page.keyboard().press("a");
            // Approve asks first; Enter confirms (the confirmation's default button).
            assertThat(page.locator(".approve-confirm")).isVisible();
            page.keyboard().press("Enter");
            // The console moves on to the next case of the queue, if any, so confirm by the message.
            assertThat(page.locator(".el-message").first()).containsText("已通过");
            Browsers.screenshot(page, SUITE, "05-after-approve");
            page.navigate(caseUrl);
            assertThat(page.locator("[data-test=case-status]")).hasText("已通过");
            assertThat(page.locator("[data-test=decided]")).isVisible();
            page.locator("[data-test=open-record]").click();
            assertThat(page.locator("[data-test=record-name]")).hasText("吴九");
            Browsers.screenshot(page, SUITE, "06-candidate-record");
        }
        JsonNode me = candidates.tree(candidates.get("/api/candidate/me", s.token()));
        assertThat(me.get("state").asText()).isEqualTo("COLLECTED");
    }

    @Test
    void aRejectionsReasonReachesTheCandidate() {
        Submitted s = submitForManualReview("郑十");
        long reviewer = reviewer();
        try (BrowserContext context = Browsers.desktop(browser, base())) {
            Page page = login(context, reviewer);
            page.navigate("/staff/#/queue");
            page.locator("[data-test=q]").fill(s.candidate().number());
            page.locator("[data-test=search]").click();
            assertThat(page.locator(".queue-row")).hasCount(1);
            page.locator(".queue-row").click();
            assertThat(page.locator("[data-test=claimed]")).isVisible();
            page.keyboard().press("r");
            assertThat(page.locator("[data-test=reject-dialog]").first()).isVisible();
            page.locator("[data-test=template]").nth(3).click();
            page.locator("[data-test=reason]").pressSequentially("；证件号码被手指遮挡");
            // The passport's materials to tick (portrait, photo page, hand-held), the hand-held photo being the wrong one.
            assertThat(page.locator("[data-test=reject-materials] .el-checkbox")).hasCount(3);
            assertThat(page.locator("[data-test=reject-DOCUMENT_PAGE]")).hasText("证件照片页");
            page.locator("[data-test=reject-HAND_HELD]").click();
            Browsers.screenshot(page, SUITE, "07-reject-dialog");
            page.locator("[data-test=confirm-reject]").click();
            assertThat(page.locator("[data-test=case-status]")).hasText("已驳回");
        }
        JsonNode review = candidates.tree(candidates.get("/api/candidate/review", s.token()));
        assertThat(review.get("rejectionReason").asText())
                .isEqualTo("手持身份证照片中证件或面部不清晰，请重新拍摄；证件号码被手指遮挡");
        assertThat(review.get("rejectedMaterials").toString()).isEqualTo("[\"HAND_HELD\"]");
        JsonNode me = candidates.tree(candidates.get("/api/candidate/me", s.token()));
        assertThat(me.get("state").asText()).isEqualTo("MANUAL_REJECTED");
    }

    @Test
    void aReviewerOfAnotherPointNeitherSeesNorOpensTheCase() {
        Submitted s = submitForManualReview("王五");
        long caseId = jdbc.sql("select id from review_case where candidate_id = ? and status = 'PENDING'")
                .param(s.candidate().id()).query(Long.class).single();
        String otherPoint = staff.point("深圳市");
        long outsider = staff.staff("REVIEWER", otherPoint);
        try (BrowserContext context = Browsers.desktop(browser, base())) {
            Page page = login(context, outsider);
            page.navigate("/staff/#/queue");
            assertThat(page.locator("[data-test=queue-table]")).containsText("没有符合条件的审核案件");
            assertThat(page.locator("[data-test=queue-table]")).not().containsText(s.candidate().number());
            Browsers.screenshot(page, SUITE, "08-other-point-queue");
            page.navigate("/staff/#/cases/" + caseId);
            assertThat(page.locator("[data-test=not-found]")).isVisible();
            Browsers.screenshot(page, SUITE, "09-other-point-case-not-found");
        }
        var headers = new org.springframework.http.HttpHeaders();
        headers.setBearerAuth(staff.token(outsider));
        var response = http.exchange("/api/staff/review-cases/" + caseId, org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(jdbc.sql("select claimed_by is null from review_case where id = ?").param(caseId).query(Boolean.class).single()).isTrue();
    }

    @Test
    void adminPagesShowProgressAccountsSettingsAndTheAuditTrail() {
        submitForManualReview("赵六");
        long admin = staff.staff("ADMIN");
        try (BrowserContext context = Browsers.desktop(browser, base())) {
            Page page = login(context, admin);
            assertThat(page.locator("[data-test=stat-total]")).isVisible();
            page.waitForFunction("() => document.querySelectorAll('canvas').length >= 3");
            Browsers.screenshot(page, SUITE, "10-dashboard");
            page.navigate("/staff/#/staff");
            assertThat(page.locator("[data-test=staff-table]")).containsText(staff.username(admin));
            Browsers.screenshot(page, SUITE, "11-staff-accounts");
            page.navigate("/staff/#/settings");
            assertThat(page.locator("[data-test=settings-table]")).isVisible();
            Browsers.screenshot(page, SUITE, "12-settings");
            page.navigate("/staff/#/audit");
            assertThat(page.locator("[data-test=audit-table]")).isVisible();
            Browsers.screenshot(page, SUITE, "13-audit");
            page.locator("[data-test=locale]").click();
            page.navigate("/staff/#/dashboard");
            assertThat(page.locator("text=Pending reviews").first()).isVisible();
            Browsers.screenshot(page, SUITE, "14-dashboard-en");
            page.locator("[data-test=locale]").click();
        }
    }

    @Test
    void adminImportsATenThousandRowRosterWatchingProgressAndGetsTheErrorReport() throws IOException {
        long admin = staff.staff("ADMIN");
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("roster", ".csv");
        java.util.Set<String> bad = new java.util.TreeSet<>();
        // Initial passwords as one ready bcrypt hash (accepted by the import), so the test times the import, not bcrypt.
        String passwordHash = encoder.encode("Secret#2026");
        StringBuilder text = new StringBuilder(cn.gdeea.examphoto.roster.RosterFixtures.HEADER).append('\n');
        long offset = 700_000;
        for (long i = offset; i < offset + 10_000; i++) {
            String line = cn.gdeea.examphoto.roster.RosterFixtures.line(i, 40, passwordHash);
            if (i % 997 == 0) {
                // A wrong check digit in the ID number.
                String id = cn.gdeea.examphoto.roster.RosterFixtures.idNumber(i);
                char wrong = id.charAt(17) == '1' ? '2' : '1';
                line = line.replace(id, id.substring(0, 17) + wrong);
                bad.add(cn.gdeea.examphoto.roster.RosterFixtures.candidateNumber(i));
            } else if (i % 1999 == 0) {
                line = line.replace("居民身份证", "驾驶证");
                bad.add(cn.gdeea.examphoto.roster.RosterFixtures.candidateNumber(i));
            }
            text.append(line).append('\n');
        }
        java.nio.file.Files.writeString(csv, text.toString());
        try (BrowserContext context = Browsers.desktop(browser, base())) {
            Page page = login(context, admin);
            page.navigate("/staff/#/import");
            page.locator("[data-test=roster-file]").setInputFiles(csv);
            page.locator("[data-test=start-import]").click();
            assertThat(page.locator("[data-test=import-progress]")).isVisible();
            Browsers.screenshot(page, SUITE, "15-import-running");
            assertThat(page.locator("[data-test=import-status]")).hasText("已完成",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(120_000));
            assertThat(page.locator("[data-test=import-count]")).hasText("10000 / 10000");
            assertThat(page.locator("[data-test=import-summary]")).containsText("10000");
            Browsers.screenshot(page, SUITE, "16-import-done");
            com.microsoft.playwright.Download download = page.waitForDownload(() -> page.locator("[data-test=download-report]").click());
            String report = java.nio.file.Files.readString(download.path());
            List<String> rows = report.lines().skip(1).filter(l -> !l.isBlank()).toList();
            java.util.Set<String> reported = new java.util.TreeSet<>();
            for (String r : rows) {
                bad.stream().filter(r::contains).forEach(reported::add);
            }
            assertThat(reported).isEqualTo(bad);
            assertThat(rows).hasSize(bad.size());
        }
        assertThat(jdbc.sql("select count(*) from candidate where candidate_number between ? and ?")
                .params(cn.gdeea.examphoto.roster.RosterFixtures.candidateNumber(offset),
                        cn.gdeea.examphoto.roster.RosterFixtures.candidateNumber(offset + 9_999))
                .query(Long.class).single()).isEqualTo(10_000L - bad.size());
    }

    @Test
    void importAttachesPhotosNamedByCandidateNumberAndCountsTheMissingAndUnreadableOnes() throws IOException {
        long admin = staff.staff("ADMIN");
        String passwordHash = encoder.encode("Secret#2026");
        long offset = 800_000 + (System.nanoTime() % 100_000) * 10;
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("roster", ".csv");
        StringBuilder text = new StringBuilder(cn.gdeea.examphoto.roster.RosterFixtures.HEADER).append('\n');
        for (long i = offset; i < offset + 3; i++) {
            text.append(cn.gdeea.examphoto.roster.RosterFixtures.line(i, 40, passwordHash)).append('\n');
        }
        java.nio.file.Files.writeString(csv, text.toString());
        // One readable photo, one that is not an image, none for the third candidate.
        java.nio.file.Path zip = java.nio.file.Files.createTempFile("photos", ".zip");
        try (var out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry(cn.gdeea.examphoto.roster.RosterFixtures.candidateNumber(offset) + ".jpg"));
            out.write(java.nio.file.Files.readAllBytes(cn.gdeea.examphoto.support.FaceData.requireFolder().resolve(CandidateFixture.REFERENCE)));
            out.closeEntry();
            out.putNextEntry(new java.util.zip.ZipEntry(cn.gdeea.examphoto.roster.RosterFixtures.candidateNumber(offset + 1) + ".png"));
            out.write("not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (BrowserContext context = Browsers.desktop(browser, base())) {
            Page page = login(context, admin);
            page.navigate("/staff/#/import");
            assertThat(page.getByText("考生号.jpg")).isVisible();
            page.locator("[data-test=roster-file]").setInputFiles(csv);
            page.locator("[data-test=photos-file]").setInputFiles(zip);
            page.locator("[data-test=start-import]").click();
            assertThat(page.locator("[data-test=import-status]")).hasText("已完成",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(120_000));
            assertThat(page.locator("[data-test=photos-attached]")).hasText("已附 1");
            assertThat(page.locator("[data-test=photos-missing]")).hasText("缺少 1");
            assertThat(page.locator("[data-test=photos-unreadable]")).hasText("无法读取 1");
            Browsers.screenshot(page, SUITE, "18-import-photos");
        }
        assertThat(jdbc.sql("select reference_photo_id is not null from candidate where candidate_number = ?")
                .param(cn.gdeea.examphoto.roster.RosterFixtures.candidateNumber(offset)).query(Boolean.class).single()).isTrue();
    }

    @Test
    void anExportProducesOnePointsZipWithAPhotoPerCollectedCandidateAndAManifest() throws IOException {
        CandidateFixture.Candidate c = candidates.candidate("李四", "ID_CARD", CandidateFixture.REFERENCE);
        String token = candidates.login(c);
        JsonNode checked = candidates.tree(candidates.upload("/api/candidate/photos", token,
                candidates.portrait(CandidateFixture.GENUINE), "a.jpg", "image/jpeg"));
        long submission = checked.get("submissionId").asLong();
        assertThat(candidates.tree(candidates.post("/api/candidate/submissions/" + submission + "/verification", token, Map.of()))
                .get("match").asBoolean()).isTrue();
        assertThat(candidates.tree(candidates.post("/api/candidate/submissions/" + submission + "/confirmation", token, Map.of()))
                .get("state").asText()).isEqualTo("COLLECTED");
        List<String> collected = jdbc.sql("select candidate_number from candidate where point_code = ? and state = 'COLLECTED' order by 1")
                .param(POINT).query(String.class).list();
        long admin = staff.staff("ADMIN");
        try (BrowserContext context = Browsers.desktop(browser, base())) {
            Page page = login(context, admin);
            page.navigate("/staff/#/export");
            page.locator("[data-test=export-point]").click();
            page.locator(".el-select-dropdown__item", new Page.LocatorOptions().setHasText("广州市第一报考点")).click();
            page.locator("[data-test=start-export]").click();
            assertThat(page.locator("[data-test=export-progress]")).isVisible();
            assertThat(page.locator("[data-test=export-status]")).hasText("已完成",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(120_000));
            assertThat(page.locator("[data-test=download-" + POINT + "]")).isVisible();
            Browsers.screenshot(page, SUITE, "17-export-done");
            com.microsoft.playwright.Download download = page.waitForDownload(() -> page.locator("[data-test=download-" + POINT + "]").click());
            List<String> entries = new java.util.ArrayList<>();
            try (var zip = new java.util.zip.ZipInputStream(java.nio.file.Files.newInputStream(download.path()))) {
                for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    entries.add(e.getName());
                }
            }
            assertThat(collected).contains(c.number());
            List<String> expected = new java.util.ArrayList<>(collected.stream().map(n -> n + ".jpg").toList());
            assertThat(entries).filteredOn(n -> n.endsWith(".jpg")).map(n -> n.substring(n.lastIndexOf('/') + 1))
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(entries).anyMatch(n -> n.endsWith("manifest.csv"));
        }
    }

    // ---- helpers

    String base() {
        return "http://localhost:" + port;
    }

    long reviewer() {
        jdbc.sql("insert into registration_point (code, name, city, phone) select 'P4401', '广州市第一报考点', '广州市', '020-12345678' "
                + "where not exists (select 1 from registration_point where code = 'P4401')").update();
        return staff.staff("REVIEWER", POINT);
    }

    Page login(BrowserContext context, long staffId) {
        Page page = context.newPage();
        page.navigate("/staff/#/login");
        page.locator("[data-test=username]").fill(staff.username(staffId));
        page.locator("[data-test=password]").fill("password-" + staff.username(staffId));
        page.locator("[data-test=login]").click();
        assertThat(page.locator("[data-test=me]")).isVisible();
        return page;
    }

    /**
     * A passport holder (no automatic verification) goes through the candidate API: logs in, sends
     * the portrait (a guide-compliant real photo), the passport's photo page and the hand-held photo, submits.
     */
    Submitted submitForManualReview(String name) {
        CandidateFixture.Candidate c = candidates.candidate(name, "护照", null);
        String token = candidates.login(c);
        assertThat(candidates.tree(candidates.get("/api/candidate/me", token)).get("state").asText()).isEqualTo("MANUAL_REQUIRED");
        String base = "/api/candidate/review/materials/";
        upload(base + "PORTRAIT", token, candidates.portrait(CandidateFixture.GENUINE));
        upload(base + "DOCUMENT_PAGE", token, card(640, 400, "PASSPORT  P<CHN", new Color(245, 240, 230)));
        upload(base + "HAND_HELD", token, card(640, 480, "手持护照", new Color(235, 235, 235)));
        JsonNode submitted = candidates.tree(candidates.post("/api/candidate/review/submit", token, Map.of()));
        assertThat(submitted.get("state").asText()).isEqualTo("MANUAL_PENDING");
        return new Submitted(c, token);
    }

    private void upload(String path, String token, byte[] jpeg) {
        var r = candidates.upload(path, token, jpeg, "photo.jpg", "image/jpeg");
        assertThat(r.getStatusCode().value()).as(path + ": " + r.getBody()).isEqualTo(200);
    }

    /** A plain picture of a card with a caption, as landscape or portrait JPEG. */
    static byte[] card(int width, int height, String caption, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(90, 100, 110));
        g.fillRect(0, 0, width, height);
        g.setColor(color);
        g.fillRoundRect(width / 10, height / 8, width * 8 / 10, height * 6 / 8, 30, 30);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(14, width / 22)));
        g.drawString(caption, width / 6, height / 2);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Submitted(CandidateFixture.Candidate candidate, String token) {
    }
}
