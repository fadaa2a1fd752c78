package cn.gdeea.examphoto.candidate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.support.Browsers;
import cn.gdeea.examphoto.support.FaceData;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The candidate H5 journeys that end in manual review (SPEC §2): a wrong person three times, a
 * passport holder and a rare-character name, in Chromium at 360×640 against the application on
 * PostgreSQL. Screenshots go to target/reports/screenshots/candidate-*.
 */
class CandidateAppManualReviewBrowserIntegrationTests extends CandidateAppBrowser {

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
}
