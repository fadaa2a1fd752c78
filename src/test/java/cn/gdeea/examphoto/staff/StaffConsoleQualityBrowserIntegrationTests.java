package cn.gdeea.examphoto.staff;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.security.TokenService;
import cn.gdeea.examphoto.storage.PhotoKind;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.support.Browsers;
import cn.gdeea.examphoto.support.FaceData;
import cn.gdeea.examphoto.support.PageChecks;
import cn.gdeea.examphoto.support.TestDatabase;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a new reviewer or admin meets on every page of the staff console (管理后台) at 1440×900:
 * no component left unrendered, no serious accessibility violation (axe-core), no raw code in
 * place of a word, the failed attempts' photos on the case page, and approve that asks first.
 * Screenshots in {@code target/reports/screenshots/staff-console-quality/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffConsoleQualityBrowserIntegrationTests {

    static final String SUITE = "staff-console-quality";
    static final Pattern RAW_CODE = Pattern.compile("^([a-z]+_[a-z_]+|[a-z]+(\\.[a-z_]+)+|[A-Z]+_[A-Z_]+)$");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.postgres(registry);
    }

    @Autowired JdbcClient jdbc;
    @Autowired PhotoRecords photos;
    @Autowired TransactionTemplate tx;
    @Autowired PasswordEncoder encoder;
    @Autowired TokenService tokens;
    @LocalServerPort int port;

    Playwright playwright;
    Browser browser;
    StaffFixture staff;

    @BeforeAll
    void browser() {
        playwright = Browsers.playwright();
        browser = Browsers.launch(playwright, null);
        // A shared 2-core machine: 5 s is too short a default for a login or a page of photos.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
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
        staff = new StaffFixture(jdbc, photos, tokens, encoder, tx);
    }

    @Test
    void everyPageRendersEveryComponentAndHasNoSeriousAccessibilityViolation() {
        String point = staff.point("广州市");
        StaffFixture.Case c = staff.pendingCase(point);
        long admin = staff.staff("ADMIN");
        Map<String, List<String>> axe = new LinkedHashMap<>();
        try (BrowserContext context = Browsers.desktop(browser, base(), true)) {
            Page page = context.newPage();
            List<String> warnings = PageChecks.resolveWarnings(page);
            page.navigate("/staff/#/login");
            assertThat(page.locator("[data-test=username]")).isVisible();
            audit(page, "01-login", axe);
            page.locator("[data-test=username]").fill(staff.username(admin));
            page.locator("[data-test=password]").fill("password-" + staff.username(admin));
            page.locator("[data-test=login]").click();
            assertThat(page.locator("[data-test=me]")).isVisible();

            record Visit(String route, String ready, String name) {
            }
            for (Visit v : List.of(
                    new Visit("/queue", "[data-test=queue-table] .queue-row", "02-queue"),
                    new Visit("/cases/" + c.id(), "[data-test=claimed]", "03-case"),
                    new Visit("/candidates/" + c.candidateId(), "[data-test=record-name]", "04-candidate-record"),
                    new Visit("/dashboard", "[data-test=stat-total]", "05-dashboard"),
                    new Visit("/import", "[data-test=roster-file]", "06-import"),
                    new Visit("/export", "[data-test=start-export]", "07-export"),
                    new Visit("/staff", "[data-test=staff-table] .el-table__row", "08-accounts"),
                    new Visit("/settings", "[data-test=settings-table]", "09-settings"),
                    new Visit("/audit", "[data-test=audit-table] .el-table__row", "10-audit"))) {
                page.navigate("/staff/#" + v.route());
                page.locator(v.ready()).first().waitFor();
                audit(page, v.name(), axe);
            }
            // Dialogs are pages too: 新建账号 with its role picker, and approve's confirmation.
            page.navigate("/staff/#/staff");
            page.locator("[data-test=new-staff]").click();
            assertThat(page.locator(".el-dialog").getByText("考试院管理员")).isVisible();
            audit(page, "11-new-account-dialog", axe);
            page.navigate("/staff/#/cases/" + c.id());
            assertThat(page.locator("[data-test=claimed]")).isVisible();
            page.locator("[data-test=approve]").click();
            assertThat(page.locator(".approve-confirm")).isVisible();
            audit(page, "12-approve-confirmation", axe);
            assertThat(warnings).as("Vue's warnings in the console").isEmpty();
        }
        assertThat(axe).as("serious or critical axe-core violations, by page").allSatisfy((k, v) -> assertThat(v).as(k).isEmpty());
    }

    @Test
    void reviewersFilterTheQueueByStatusAndAdminsCreateAnAdminAccount() {
        String point = staff.point("佛山市");
        StaffFixture.Case approved = staff.pendingCase(point);
        jdbc.sql("update review_case set status = 'APPROVED', decided_at = ? where id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC), approved.id()).update();
        staff.pendingCase(point);
        long reviewer = staff.staff("REVIEWER", point);
        long admin = staff.staff("ADMIN");
        String number = jdbc.sql("select candidate_number from candidate where id = ?").param(approved.candidateId())
                .query(String.class).single();
        try (BrowserContext context = Browsers.desktop(browser, base(), true)) {
            Page page = login(context, reviewer);
            page.navigate("/staff/#/queue");
            Locator status = page.locator("[data-test=status]");
            assertThat(status.locator(".el-radio-button")).hasCount(5);
            assertThat(page.locator(".queue-row")).hasCount(1);
            assertThat(page.locator("[data-test=queue-table]")).not().containsText(number);
            status.getByText("已通过").click();
            assertThat(page.locator(".queue-row")).hasCount(1);
            assertThat(page.locator("[data-test=queue-table]")).containsText(number);
            Browsers.screenshot(page, SUITE, "13-queue-approved-filter");
        }
        try (BrowserContext context = Browsers.desktop(browser, base(), true)) {
            Page page = login(context, admin);
            page.navigate("/staff/#/staff");
            page.locator("[data-test=new-staff]").click();
            String username = "admin" + StaffFixture.unique();
            page.locator("[data-test=staff-username]").fill(username);
            page.locator("[data-test=staff-display]").fill("新管理员");
            page.locator(".el-dialog .el-radio-button", new Page.LocatorOptions().setHasText("考试院管理员")).click();
            assertThat(page.locator("[data-test=staff-points]")).isHidden();
            page.locator("[data-test=staff-password]").fill("Secret#2026-admin");
            Browsers.screenshot(page, SUITE, "14-new-admin-account");
            page.locator("[data-test=save-staff]").click();
            assertThat(page.locator("[data-test=staff-table]")).containsText(username);
            assertThat(jdbc.sql("select role from staff_account where username = ?").param(username)
                    .query(String.class).single()).isEqualTo("ADMIN");
        }
    }

    @Test
    void theCasePageShowsEachFailedAttemptsPhotoAndApproveAsksFirst() throws IOException {
        String point = staff.point("东莞市");
        StaffFixture.Case c = staff.pendingCase(point);
        // A third attempt by somebody else: another face than the first two attempts' photo.
        byte[] other = Files.readAllBytes(FaceData.requireFolder().resolve(cn.gdeea.examphoto.candidate.CandidateFixture.IMPOSTOR));
        long otherPhoto = tx.execute(s -> photos.store(c.candidateId(), PhotoKind.UPLOAD, other, "image/jpeg", null, null));
        long submission = staff.submission(c.candidateId(), otherPhoto, "{\"pass\":true,\"checks\":[]}");
        staff.attempt(c.candidateId(), submission, 3, 0.12);
        jdbc.sql("update verification_attempt set reason = 'below_threshold' where candidate_id = ?").param(c.candidateId()).update();
        long reviewer = staff.staff("REVIEWER", point);
        try (BrowserContext context = Browsers.desktop(browser, base(), true)) {
            Page page = login(context, reviewer);
            page.navigate("/staff/#/cases/" + c.id());
            assertThat(page.locator("[data-test=claimed]")).isVisible();
            Locator failed = page.locator("[data-test=failed-attempts]");
            assertThat(failed.locator(".secure-image")).hasCount(2);
            assertThat(failed.locator("[data-test=attempt-photo-1]")).containsText("第 1 次");
            assertThat(failed.locator("[data-test=attempt-photo-3]")).containsText("0.120");
            page.waitForFunction("() => [...document.querySelectorAll('[data-test=failed-attempts] img')]"
                    + ".filter(i => i.complete && i.naturalWidth > 0).length === 2");
            assertThat(page.getByText("相似度低于阈值").first()).isVisible();
            assertThat(page.locator("body")).not().containsText("below_threshold");
            Browsers.screenshot(page, SUITE, "15-case-failed-attempt-photos");

            // Approve asks; cancelling leaves the case pending, confirming decides it.
            page.keyboard().press("a");
            Locator confirm = page.locator(".approve-confirm");
            assertThat(confirm).isVisible();
            assertThat(confirm).containsText("确认通过");
            Browsers.screenshot(page, SUITE, "16-approve-confirmation");
            confirm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("取消")).click();
            assertThat(confirm).isHidden();
            assertThat(status(c.id())).isEqualTo("PENDING");
            page.locator("[data-test=approve]").click();
            confirm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("确认通过")).click();
            assertThat(page.locator(".el-message").first()).containsText("已通过");
            assertThat(status(c.id())).isEqualTo("APPROVED");

            // A decided case: whatever claim is left on it, nobody is "processing" it any more.
            long other2 = staff.staff("REVIEWER", point);
            jdbc.sql("update review_case set claimed_by = ?, claim_expires_at = ? where id = ?")
                    .params(other2, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10), c.id()).update();
            page.navigate("/staff/#/queue");
            page.navigate("/staff/#/cases/" + c.id());
            assertThat(page.locator("[data-test=decided]")).isVisible();
            assertThat(page.locator("[data-test=case-status]")).hasText("已通过");
            assertThat(page.locator("[data-test=held-by]")).hasCount(0);
            assertThat(page.locator("[data-test=claimed]")).hasCount(0);
            assertThat(page.locator("body")).not().containsText("正在处理");
            Browsers.screenshot(page, SUITE, "17-decided-case");
        }
    }

    @Test
    void theHeldByColumnFitsAt1440AndNoRawCodeReachesTheReaderInEitherLanguage() {
        String point = staff.point("珠海市");
        StaffFixture.Case c = staff.pendingCase(point);
        jdbc.sql("update verification_attempt set reason = 'below_threshold' where candidate_id = ?").param(c.candidateId()).update();
        // The line the verification writes to the candidate's history, as it writes it.
        jdbc.sql("insert into candidate_event (candidate_id, from_state, to_state, actor, detail) values (?, 'PHOTO_CHECKED', 'PHOTO_CHECKED', 'candidate', ?)")
                .params(c.candidateId(), "attempt 1 on submission " + c.submissionId() + ": below_threshold").update();
        long reviewer = staff.staff("REVIEWER", point);
        long admin = staff.staff("ADMIN");
        try (BrowserContext context = Browsers.desktop(browser, base(), true)) {
            // Held by this reviewer, so that the column has something to show.
            jdbc.sql("update review_case set claimed_by = ?, claim_expires_at = ? where id = ?")
                    .params(reviewer, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10), c.id()).update();
            Page page = login(context, reviewer);
            page.navigate("/staff/#/queue");
            Locator header = page.locator("[data-test=queue-table] th", new Page.LocatorOptions().setHasText("处理人"));
            assertThat(header).isVisible();
            Map<?, ?> box = (Map<?, ?>) header.evaluate("th => { const t = th.closest('.el-table').getBoundingClientRect(); "
                    + "const r = th.getBoundingClientRect(); return { right: r.right, table: t.right, width: window.innerWidth } }");
            assertThat(((Number) box.get("right")).doubleValue()).as("处理人 column's right edge %s", box)
                    .isLessThanOrEqualTo(((Number) box.get("table")).doubleValue() + 0.5)
                    .isLessThanOrEqualTo(1440);
            assertThat((Boolean) page.evaluate("() => { const w = document.querySelector('[data-test=queue-table] .el-table__body-wrapper .el-scrollbar__wrap'); "
                    + "return w.scrollWidth <= w.clientWidth + 1 }")).as("the queue scrolls sideways at 1440 px").isTrue();
            assertThat(page.locator(".queue-row [data-test=claim-tag]").first()).hasText("我正在处理");
            Browsers.screenshot(page, SUITE, "18-queue-1440");
        }
        try (BrowserContext context = Browsers.desktop(browser, base(), true)) {
            Page page = login(context, admin);
            for (String locale : List.of("zh-CN", "en")) {
                if (locale.equals("en")) {
                    page.locator("[data-test=locale]").click();
                    assertThat(page.locator("[data-test=locale]")).hasText("中文");
                }
                page.navigate("/staff/#/audit");
                Locator actions = page.locator("[data-test=audit-table] .el-table__row td:nth-child(4)");
                actions.first().waitFor();
                assertThat(rawCodes(actions)).as("audit actions (%s)", locale).isEmpty();
                Browsers.screenshot(page, SUITE, "19-audit-" + locale);
                page.navigate("/staff/#/candidates/" + c.candidateId());
                page.locator("[data-test=record-name]").waitFor();
                assertThat(page.locator("body")).not().containsText("below_threshold");
                page.navigate("/staff/#/cases/" + c.id());
                page.locator("[data-test=case-status]").waitFor();
                assertThat(page.locator("body")).not().containsText("below_threshold");
                if (locale.equals("en")) {
                    assertThat(page.locator("body")).not().containsText("居民身份证");
                    assertThat(page.locator("body")).containsText("Similarity below the threshold");
                    assertThat(page.locator("body")).containsText("Verification attempt 1: Similarity below the threshold");
                } else {
                    assertThat(page.locator("body")).containsText("第 1 次人证核验：相似度低于阈值");
                }
                Browsers.screenshot(page, SUITE, "20-case-" + locale);
            }
            page.locator("[data-test=locale]").click();
        }
    }

    private static List<String> rawCodes(Locator cells) {
        List<String> raw = new ArrayList<>();
        for (String text : cells.allInnerTexts()) {
            if (RAW_CODE.matcher(text.trim()).matches()) {
                raw.add(text.trim());
            }
        }
        return raw;
    }

    private String status(long caseId) {
        return jdbc.sql("select status from review_case where id = ?").param(caseId).query(String.class).single();
    }

    /** Fails at once on an unrendered component (nothing else on the page can be trusted); collects axe's findings. */
    private static void audit(Page page, String name, Map<String, List<String>> axe) {
        Browsers.screenshot(page, SUITE, name);
        assertThat(PageChecks.unresolvedComponents(page)).as("components left unrendered on %s", name).isEmpty();
        axe.put(name, PageChecks.seriousAxeViolations(page));
    }

    String base() {
        return "http://localhost:" + port;
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
}
