package cn.gdeea.examphoto.candidate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.support.Browsers;
import cn.gdeea.examphoto.support.FaceData;
import cn.gdeea.examphoto.support.FakeCamera;
import cn.gdeea.examphoto.support.TestDatabase;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.AriaRole;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
 * The candidate H5 in Debian's Chromium at 360×640, against the running application on
 * PostgreSQL, with real photos as the camera (SPEC §2). Each journey asserts what the candidate
 * sees and leaves a screenshot of every page under target/reports/screenshots/candidate-*.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CandidateAppBrowserIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.postgres(registry);
    }

    static Playwright playwright;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PhotoRecords photos;
    @Autowired TransactionTemplate tx;
    @Autowired PasswordEncoder encoder;
    @Autowired FaceEngine engine;
    @Autowired TestRestTemplate http;
    @TempDir Path temp;

    CandidateFixture f;

    @BeforeAll
    static void browser() {
        playwright = Browsers.playwright();
    }

    @AfterAll
    static void close() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void setUp() {
        f = new CandidateFixture(jdbc, photos, tx, encoder, engine, http);
    }

    @Test
    void rightPersonIsVerifiedConfirmsAndLandsOnTheResultAfterLoggingInAgain() {
        var c = f.candidate("李明", "ID_CARD", CandidateFixture.REFERENCE);
        String suite = "candidate-right-person";
        try (Browser browser = Browsers.launch(playwright, camera(f.portrait(CandidateFixture.GENUINE), "genuine"));
             BrowserContext context = Browsers.phone(browser, base(), true)) {
            Page page = context.newPage();
            page.navigate("/candidate/");
            assertThat(page.getByText("广东省普通高考考生照片采集")).isVisible();
            assertThat(page.getByRole(AriaRole.CHECKBOX)).isChecked();

            page.getByLabel("考生号").fill("12345");
            assertThat(page.getByText(Pattern.compile("考生号为14位数字，第3-4位为44.*已输入 5 位"))).isVisible();
            Browsers.screenshot(page, suite, "01-login-number-check");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确定"))).isDisabled();

            page.getByText("忘记密码").click();
            assertThat(page.getByText("通过“忘记密码”功能找回密码")).isVisible();
            Browsers.screenshot(page, suite, "02-login-forgot-password");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("知道了")).click();
            page.getByText("咨询电话").click();
            assertThat(page.getByText("如有疑问，请拨打所在报考点咨询电话。")).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("知道了")).click();
            page.getByText("《本次考试采集相关条例》").click();
            assertThat(page.getByText("考生照片及身份信息仅用于本次考试报名")).isVisible();
            Browsers.screenshot(page, suite, "03-login-agreement");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("知道了")).click();

            login(page, c);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("拍照指南"))).isVisible();
            assertThat(page.getByText("请他人使用手机后置摄像头拍摄")).isVisible();
            assertThat(page.getByText("身体距离墙壁 30～50 厘米")).isVisible();
            assertThat(page.getByText("光线均匀，避免阴阳脸")).isVisible();
            Browsers.screenshot(page, suite, "04-guide");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("直接拍照")).click();
            takePhotoWithCamera(page, suite, "05");
            assertThat(page.getByText("照片检测通过")).isVisible();
            assertThat(page.getByText("剩余核验次数：3 次")).isVisible();
            waitForImages(page);
            Browsers.screenshot(page, suite, "07-check-passed");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("进行人证核验")).click();
            assertThat(page.getByText("身份核验【通过】")).isVisible();
            waitForImages(page);
            Browsers.screenshot(page, suite, "08-verified");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认无误并提交")).click();
            assertThat(page.getByText("采集成功")).isVisible();
            Browsers.screenshot(page, suite, "09-collected");
            assertThat(jdbc.sql("select state from candidate where id = ?").param(c.id()).query(String.class).single())
                    .isEqualTo("COLLECTED");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("我的照片")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("我的照片"))).isVisible();
            assertThat(page.getByText(c.number())).isVisible();
            waitForImages(page);
            Browsers.screenshot(page, suite, "10-my-photo");
            page.getByAltText("我的采集照片").click();
            Locator preview = page.locator(".van-image-preview");
            assertThat(preview).isVisible();
            page.waitForFunction("() => [...document.querySelectorAll('.van-image-preview img')].some(i => i.complete && i.naturalWidth > 0)");
            Browsers.screenshot(page, suite, "11-my-photo-enlarged");
            page.locator(".van-image-preview__close-icon").click();
            assertThat(preview).isHidden();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出登录")).click();
            assertThat(page.getByLabel("考生号")).isVisible();
            login(page, c);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("我的照片"))).isVisible();
            assertThat(page.getByText("采集成功")).isVisible();
            waitForImages(page);
            Browsers.screenshot(page, suite, "12-login-again-lands-on-result");
        }
    }

    @Test
    void aDarkPhotoFailsTheChecksWithItsReasonAndCostsNoAttempt() {
        var c = f.candidate("陈晓", "ID_CARD", CandidateFixture.REFERENCE);
        String suite = "candidate-failed-check";
        try (Browser browser = Browsers.launch(playwright, camera(darken(f.portrait(CandidateFixture.GENUINE)), "dark"));
             BrowserContext context = Browsers.phone(browser, base(), true)) {
            Page page = context.newPage();
            page.navigate("/candidate/");
            login(page, c);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("直接拍照")).click();
            takePhotoWithCamera(page, suite, "01");
            assertThat(page.getByText("照片检测未通过")).isVisible();
            Locator problems = page.locator(".problems .problem");
            assertThat(problems.first()).isVisible();
            Locator dark = problems.filter(new Locator.FilterOptions().setHasText(Pattern.compile("太暗|未检测到人脸")));
            assertThat(dark.first().locator(".reason")).isVisible();
            assertThat(dark.first().locator(".todo")).containsText("怎么做：请");
            assertThat(dark.first().locator(".todo")).containsText("光线充足");
            assertThat(page.getByText("照片检测不消耗核验次数。 剩余核验次数：3 次")).isVisible();
            waitForImages(page);
            Browsers.screenshot(page, suite, "03-check-failed");
            assertThat(jdbc.sql("select attempts_used from candidate where id = ?").param(c.id()).query(Integer.class).single()).isZero();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("重新拍照")).click();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("拍照").setExact(true))).isVisible();
        }
    }

    @Test
    void wrongPersonThreeTimesGoesToManualReviewAndSendsTheMaterials() throws IOException {
        var c = f.candidate("黄伟", "ID_CARD", CandidateFixture.REFERENCE);
        String suite = "candidate-manual-review";
        try (Browser browser = Browsers.launch(playwright, camera(f.portrait(CandidateFixture.IMPOSTOR), "impostor"));
             BrowserContext context = Browsers.phone(browser, base(), true)) {
            Page page = context.newPage();
            page.navigate("/candidate/");
            login(page, c);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("直接拍照")).click();
            for (int attempt = 1; attempt <= 3; attempt++) {
                takePhotoWithCamera(page, suite, "0" + attempt);
                assertThat(page.getByText("照片检测通过")).isVisible();
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("进行人证核验")).click();
                assertThat(page.getByText("身份核验【不通过】")).isVisible();
                assertThat(page.getByText("剩余核验次数：" + (3 - attempt) + " 次")).isVisible();
                Browsers.screenshot(page, suite, "0" + attempt + "-verification-failed");
                if (attempt < 3) {
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("重新拍照")).click();
                }
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查看不通过照片")).click();
            assertThat(page.getByText("第 3 次核验")).isVisible();
            assertThat(page.getByText("左右滑动查看（1/3）")).isVisible();
            waitForImages(page);
            Browsers.screenshot(page, suite, "04-failed-attempts");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("返回").setExact(true)).last().click();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交人工审核资料")).click();
            assertThat(page.getByText("人证核验 3 次未通过，请提交人工审核资料。")).isVisible();
            assertThat(page.getByText("使用后置摄像头拍摄，横向拍摄")).isVisible();
            Browsers.screenshot(page, suite, "05-manual-review");

            // A portrait-orientation ID shot (the phone held upright) is refused before upload.
            AtomicInteger materialUploads = new AtomicInteger();
            page.onRequest(r -> {
                if (r.method().equals("POST") && r.url().contains("/api/candidate/review/materials/")) {
                    materialUploads.incrementAndGet();
                }
            });
            material(page, "ID_PORTRAIT").getByRole(AriaRole.BUTTON).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("拍摄身份证人像面"))).isVisible();
            waitForVideo(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("拍照").setExact(true)).click();
            assertThat(page.getByText("请将手机横过来拍摄（横向照片）")).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("使用这张照片"))).hasCount(0);
            assertThat(materialUploads.get()).isZero();
            Browsers.screenshot(page, suite, "06-id-shot-portrait-refused");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("重拍")).click();

            String[] kinds = {"ID_PORTRAIT", "ID_EMBLEM", "HAND_HELD"};
            for (int i = 0; i < kinds.length; i++) {
                if (i > 0) {
                    material(page, kinds[i]).getByRole(AriaRole.BUTTON).click();
                }
                page.locator("#photo-file").setInputFiles(landscape(kinds[i]));
                assertThat(page.getByAltText("拍好的照片")).isVisible();
                Browsers.screenshot(page, suite, "0" + (7 + i) + "-" + kinds[i].toLowerCase() + "-preview");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("使用这张照片")).click();
                assertThat(material(page, kinds[i])).containsText("已上传");
            }
            material(page, "PORTRAIT").getByRole(AriaRole.BUTTON).click();
            waitForVideo(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("拍照").setExact(true)).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("使用这张照片")).click();
            assertThat(material(page, "PORTRAIT")).containsText("已上传");
            waitForImages(page);
            Browsers.screenshot(page, suite, "10-materials-complete");
            assertThat(materialUploads.get()).isEqualTo(4);

            // After a reload the previews come back from the server, not from the tab's memory.
            page.reload();
            assertThat(material(page, "PORTRAIT")).containsText("已上传");
            for (String kind : List.of("ID_PORTRAIT", "ID_EMBLEM", "HAND_HELD", "PORTRAIT")) {
                assertThat(material(page, kind).locator("img")).isVisible();
                assertThat(material(page, kind).locator("img")).hasAttribute("src", Pattern.compile("^blob:"));
            }
            page.waitForFunction("() => { const a = [...document.querySelectorAll('.material img')]; "
                    + "return a.length === 4 && a.every(i => i.complete && i.naturalWidth > 0) }");
            assertThat(page.locator(".material img").first()).hasAttribute("alt", "身份证人像面预览");
            Browsers.screenshot(page, suite, "11-materials-after-reload");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交审核")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("审核中"))).isVisible();
            assertThat(page.getByText("已提交的资料")).isVisible();
            assertThat(page.locator(".sent img")).hasCount(4);
            Browsers.screenshot(page, suite, "12-under-review");
            assertThat(jdbc.sql("select state from candidate where id = ?").param(c.id()).query(String.class).single())
                    .isEqualTo("MANUAL_PENDING");
            assertThat(jdbc.sql("select attempts_used from candidate where id = ?").param(c.id()).query(Integer.class).single())
                    .isEqualTo(3);
        }
    }

    @Test
    void passportHolderGoesStraightToManualReview() {
        var c = f.candidate("林娜", "PASSPORT", CandidateFixture.REFERENCE);
        String suite = "candidate-passport";
        try (Browser browser = Browsers.launch(playwright, null);
             BrowserContext context = Browsers.phone(browser, base(), false)) {
            Page page = context.newPage();
            page.navigate("/candidate/");
            login(page, c);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("人工审核"))).isVisible();
            assertThat(page.getByText("您的证件（护照）不是居民身份证，系统无法进行人证核验")).isVisible();
            assertThat(page.locator(".material")).hasCount(4);
            Browsers.screenshot(page, suite, "01-manual-review");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("更多")).click();
            page.getByText("咨询电话").click();
            assertThat(page.getByText("020-12345678")).isVisible();
            Browsers.screenshot(page, suite, "02-hotline");
            assertThat(jdbc.sql("select attempts_used from candidate where id = ?").param(c.id()).query(Integer.class).single()).isZero();
        }
    }

    @Test
    void withoutACameraTheFileInputTakesThePhotoAndSaysWhy() throws IOException {
        var c = f.candidate("吴芳", "ID_CARD", CandidateFixture.REFERENCE);
        String suite = "candidate-file-fallback";
        Path photo = temp.resolve("genuine.jpg");
        Files.write(photo, f.portrait(CandidateFixture.GENUINE));
        try (Browser browser = Browsers.launch(playwright, null);
             BrowserContext context = Browsers.phone(browser, base(), false)) {
            Page page = context.newPage();
            page.navigate("/candidate/");
            login(page, c);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("直接拍照")).click();
            Locator why = page.locator(".fallback");
            assertThat(why).isVisible();
            assertThat(why).containsText(Pattern.compile("摄像头权限被拒绝|未找到可用的摄像头|摄像头无法打开"));
            assertThat(page.locator("#photo-file")).hasAttribute("capture", "environment");
            Browsers.screenshot(page, suite, "01-camera-fallback");
            page.locator("#photo-file").setInputFiles(photo);
            assertThat(page.getByAltText("拍好的照片")).isVisible();
            Browsers.screenshot(page, suite, "02-preview");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("使用这张照片")).click();
            assertThat(page.getByText("照片检测通过")).isVisible();
            waitForImages(page);
            Browsers.screenshot(page, suite, "03-check-passed");
        }
    }

    @Test
    void rareNameIsWarnedAndChoosesManualReviewAtOnce() {
        var c = f.candidate("张\u4DAE", "ID_CARD", CandidateFixture.REFERENCE);
        String suite = "candidate-rare-name";
        try (Browser browser = Browsers.launch(playwright, null);
             BrowserContext context = Browsers.phone(browser, base(), false)) {
            Page page = context.newPage();
            page.navigate("/candidate/");
            login(page, c);
            Locator dialog = page.getByRole(AriaRole.DIALOG);
            assertThat(dialog).isVisible();
            assertThat(dialog).containsText("姓名含生僻字");
            assertThat(dialog).containsText("人证核验很可能无法通过，建议直接申请人工审核");
            assertThat(page.locator(".rare")).containsText("人证核验很可能无法通过");
            assertControls(page, "rare-name warning");
            // The dialog over the guide as the candidate sees it (a full-page shot would misplace the overlay).
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Browsers.SCREENSHOTS.resolve(suite).resolve("01-rare-name-warning.png")));

            Response requested = page.waitForResponse(
                    r -> r.url().endsWith("/api/candidate/review/request") && r.request().method().equals("POST"),
                    () -> dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("申请人工审核")).click());
            assertThat(requested.status()).isEqualTo(200);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("人工审核"))).isVisible();
            assertThat(page.getByText("您的姓名含生僻字，已选择人工审核，请提交人工审核资料。")).isVisible();
            assertThat(page.locator(".material")).hasCount(4);
            assertThat(page.locator(".material").filter(new Locator.FilterOptions().setHasText("未上传"))).hasCount(4);
            assertThat(page.getByText("请先上传全部 4 项资料")).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交审核"))).isDisabled();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("拍摄 身份证人像面"))).isVisible();
            assertControls(page, "manual review");
            Browsers.screenshot(page, suite, "02-manual-review");
            assertThat(jdbc.sql("select state from candidate where id = ?").param(c.id()).query(String.class).single())
                    .isEqualTo("MANUAL_REQUIRED");
            assertThat(jdbc.sql("select reason from review_case where candidate_id = ?").param(c.id()).query(String.class).single())
                    .isEqualTo("RARE_NAME");
            assertThat(jdbc.sql("select attempts_used from candidate where id = ?").param(c.id()).query(Integer.class).single()).isZero();

            // Logging in again goes straight to the manual review, without the warning.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("更多")).click();
            page.getByText("退出登录").click();
            login(page, c);
            assertThat(page.getByText("您的姓名含生僻字，已选择人工审核，请提交人工审核资料。")).isVisible();
            assertThat(dialog).hasCount(0);
            Browsers.screenshot(page, suite, "03-login-again");
        }
    }

    @Test
    void theLoginFormStaysPutAndVisibleWhenTheKeyboardOpens() {
        String suite = "candidate-login-keyboard";
        try (Browser browser = Browsers.launch(playwright, null);
             BrowserContext context = Browsers.phone(browser, base(), false)) {
            Page page = context.newPage();
            page.navigate("/candidate/");
            Locator password = page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true));
            Locator submit = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确定"));
            assertThat(submit).isVisible();
            // Nothing pinned to the viewport that the keyboard could push onto the form.
            assertThat(page.evaluate("() => [...document.querySelectorAll('body *')].filter(e => "
                    + "['fixed', 'sticky'].includes(getComputedStyle(e).position) && e.getClientRects().length).map(e => e.className)"))
                    .asInstanceOf(InstanceOfAssertFactories.LIST).isEmpty();
            double passwordTop = documentTop(password);
            double submitTop = documentTop(submit);

            page.setViewportSize(360, 360);
            password.focus();
            assertThat(password).isFocused();
            BoundingBox field = password.boundingBox();
            BoundingBox button = submit.boundingBox();
            assertThat(field.y + field.height <= button.y || button.y + button.height <= field.y)
                    .as("field %s and button %s overlap", field.y, button.y).isTrue();
            assertThat(field.y).isGreaterThanOrEqualTo(0);
            assertThat(field.y + field.height).isLessThanOrEqualTo(360);
            assertThat(documentTop(password)).isCloseTo(passwordTop, Offset.offset(1.0));
            assertThat(documentTop(submit)).isCloseTo(submitTop, Offset.offset(1.0));
            page.keyboard().type("x");
            assertThat(password).hasValue("x");
            // What the candidate sees above the keyboard: the viewport, not the whole page.
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Browsers.SCREENSHOTS.resolve(suite).resolve("01-password-focused-keyboard-open.png")));
        }
    }

    @Test
    void everyControlIsABigEnoughTouchTargetWithAName() {
        var c = f.candidate("何静", "ID_CARD", CandidateFixture.REFERENCE);
        String suite = "candidate-touch-targets";
        try (Browser browser = Browsers.launch(playwright, camera(f.portrait(CandidateFixture.GENUINE), "genuine-targets"));
             BrowserContext context = Browsers.phone(browser, base(), true)) {
            Page page = context.newPage();
            page.navigate("/candidate/");
            assertThat(page.getByLabel("考生号")).isVisible();
            page.getByLabel("考生号").fill(c.number());
            assertControls(page, "login");
            Browsers.screenshot(page, suite, "01-login");
            login(page, c);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("拍照指南"))).isVisible();
            assertControls(page, "guide");
            Browsers.screenshot(page, suite, "02-guide");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("直接拍照")).click();
            waitForVideo(page);
            assertControls(page, "camera");
            Browsers.screenshot(page, suite, "03-camera");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("拍照").setExact(true)).click();
            assertThat(page.getByAltText("拍好的照片")).isVisible();
            assertControls(page, "camera preview");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("使用这张照片")).click();
            assertThat(page.getByText("照片检测通过")).isVisible();
            waitForImages(page);
            assertControls(page, "check");
            Browsers.screenshot(page, suite, "04-check");
        }
    }

    /**
     * Every visible button, link, input and checkbox is at least 44×44 CSS px — itself, through
     * its label, or through an enclosing control a tap on which reaches it — and has an accessible
     * name (aria-label, aria-labelledby, its label, its text or an image's alt).
     */
    private static void assertControls(Page page, String where) {
        assertThat(page.locator(CONTROLS).count()).as("controls on the %s page", where).isGreaterThan(0);
        assertThat(page.evaluate(CONTROL_PROBLEMS, CONTROLS)).as("controls on the %s page", where)
                .asInstanceOf(InstanceOfAssertFactories.LIST).isEmpty();
    }

    private static final String CONTROLS =
            "button, a[href], input:not([type=hidden]), select, textarea, [role=button], [role=checkbox], [role=link], [role=radio]";

    private static final String CONTROL_PROBLEMS = """
            (selector) => {
              const text = (e) => (e.innerText || e.textContent || '').replace(/\\s+/g, ' ').trim();
              const shown = (e) => { const s = getComputedStyle(e); return s.display !== 'none' && s.visibility !== 'hidden' && e.getClientRects().length > 0; };
              const big = (e) => { const r = e.getBoundingClientRect(); return r.width >= 44 && r.height >= 44 && shown(e); };
              const name = (e) => {
                const label = (e.getAttribute('aria-label') || '').trim();
                if (label) return label;
                const by = (e.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)
                  .map((id) => document.getElementById(id)).filter(Boolean).map(text).join(' ').trim();
                if (by) return by;
                const labels = e.labels ? [...e.labels].map(text).join(' ').trim() : '';
                if (labels) return labels;
                const own = text(e);
                if (own) return own;
                const img = e.querySelector('img[alt]');
                return img ? img.alt.trim() : (e.getAttribute('title') || '').trim();
              };
              const problems = [];
              for (const e of document.querySelectorAll(selector)) {
                if (!shown(e) || e.closest('[aria-hidden=true], [inert]')) continue;
                const what = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + String(e.className).split(' ').join('.')
                  + ' "' + (name(e) || text(e)).slice(0, 30) + '"';
                const reach = [e, ...(e.labels ? [...e.labels] : [])];
                for (let p = e.parentElement; p; p = p.parentElement) {
                  if (p.matches('label, button, a[href], [role=button], [role=checkbox]')) reach.push(p);
                }
                if (!reach.some(big)) {
                  const r = e.getBoundingClientRect();
                  problems.push(what + ' is ' + Math.round(r.width) + 'x' + Math.round(r.height));
                }
                if (!name(e)) problems.push(what + ' has no accessible name');
              }
              return problems;
            }""";

    private static double documentTop(Locator element) {
        return ((Number) element.evaluate("e => e.getBoundingClientRect().top + window.scrollY")).doubleValue();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static void login(Page page, CandidateFixture.Candidate c) {
        page.getByLabel("考生号").fill(c.number());
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill(CandidateFixture.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确定")).click();
    }

    private static void takePhotoWithCamera(Page page, String suite, String prefix) {
        waitForVideo(page);
        Browsers.screenshot(page, suite, prefix + "-camera");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("拍照").setExact(true)).click();
        assertThat(page.getByAltText("拍好的照片")).isVisible();
        Browsers.screenshot(page, suite, prefix + "-preview");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("使用这张照片")).click();
        Locator checkPage = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("照片检测"));
        Locator error = page.locator(".camera-page .error");
        checkPage.or(error).first().waitFor();
        if (error.isVisible()) {
            Browsers.screenshot(page, suite, prefix + "-upload-error");
            throw new AssertionError("the upload was refused: " + error.innerText());
        }
    }

    private static void waitForVideo(Page page) {
        page.waitForFunction("() => { const v = document.querySelector('video'); return v && v.videoWidth > 0 && v.readyState >= 2 }");
    }

    private static void waitForImages(Page page) {
        page.waitForFunction("() => { const a = [...document.querySelectorAll('main img')]; return a.length > 0 && a.every(i => i.complete && i.naturalWidth > 0) }");
    }

    private static Locator material(Page page, String kind) {
        return page.locator(".material[data-kind=" + kind + "]");
    }

    private Path camera(byte[] jpeg, String name) {
        try {
            Path photo = temp.resolve(name + ".jpg");
            Files.write(photo, jpeg);
            return FakeCamera.mjpeg(photo, 720, 1280, temp.resolve(name + ".mjpeg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The portrait at 30% brightness: a photo taken in a dark room. */
    private static byte[] darken(byte[] jpeg) {
        BufferedImage image = read(jpeg);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (int) (((rgb >> 16) & 0xff) * 0.3);
                int g = (int) (((rgb >> 8) & 0xff) * 0.3);
                int b = (int) ((rgb & 0xff) * 0.3);
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return write(image);
    }

    /** A landscape photo of an ID card side (a real face on the portrait side) or of the card held up. */
    private Path landscape(String kind) throws IOException {
        BufferedImage image = new BufferedImage(1280, 860, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(120, 110, 100));
        g.fillRect(0, 0, 1280, 860);
        g.setColor(kind.equals("ID_EMBLEM") ? new Color(230, 236, 245) : new Color(220, 232, 240));
        g.fillRoundRect(140, 110, 1000, 640, 40, 40);
        g.setColor(new Color(40, 40, 40));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.drawString(kind.equals("ID_EMBLEM") ? "RESIDENT IDENTITY CARD" : "NAME  ADDRESS  NUMBER", 200, 200);
        if (!kind.equals("ID_EMBLEM")) {
            BufferedImage face = ImageIO.read(FaceData.requireFolder().resolve(CandidateFixture.REFERENCE).toFile());
            g.drawImage(face, 800, 260, 280, 360, null);
        }
        g.dispose();
        Path file = temp.resolve(kind + ".jpg");
        Files.write(file, write(image));
        return file;
    }

    private static BufferedImage read(byte[] jpeg) {
        try {
            BufferedImage source = ImageIO.read(new ByteArrayInputStream(jpeg));
            BufferedImage rgb = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(source, 0, 0, null);
            return rgb;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
