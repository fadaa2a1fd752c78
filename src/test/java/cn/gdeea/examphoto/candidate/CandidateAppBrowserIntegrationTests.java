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
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
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
            material(page, "ID_PORTRAIT").getByRole(AriaRole.BUTTON).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("拍摄身份证人像面"))).isVisible();
            waitForVideo(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("拍照").setExact(true)).click();
            assertThat(page.getByText("请将手机横过来拍摄（横向照片）")).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("使用这张照片"))).hasCount(0);
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

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交审核")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("审核中"))).isVisible();
            Browsers.screenshot(page, suite, "11-under-review");
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
