package cn.gdeea.examphoto.candidate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.support.Browsers;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The candidate H5 in Debian's Chromium at 360×640, against the running application on
 * PostgreSQL, with real photos as the camera (SPEC §2): the automatic verification journeys (a
 * pass, a retake after a pass, requests repeated after a lost response).
 * Each journey asserts what the candidate sees and leaves a screenshot of every page under
 * target/reports/screenshots/candidate-*.
 */
class CandidateAppBrowserIntegrationTests extends CandidateAppBrowser {

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
            page.getByLabel("考生号").blur();
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
    void aPassSpendsNoAttemptARetakeKeepsTheVerifiedPhotoAndTheNewPassIsConfirmed() {
        var c = f.candidate("郭峰", "ID_CARD", CandidateFixture.REFERENCE);
        String suite = "candidate-retake-after-pass";
        try (Browser browser = Browsers.launch(playwright, camera(f.portrait(CandidateFixture.GENUINE), "genuine-retake"));
             BrowserContext context = Browsers.phone(browser, base(), true)) {
            Page page = context.newPage();
            page.navigate("/candidate/");
            login(page, c);
            button(page, "直接拍照").click();
            takePhotoWithCamera(page, suite, "01");
            button(page, "进行人证核验").click();
            assertThat(page.getByText("身份核验【通过】")).isVisible();
            // A match spends nothing: still 3 of 3.
            assertThat(page.locator("[data-test=attempts-left]")).containsText("剩余核验次数：3 次");
            assertThat(button(page, "确认无误并提交")).isVisible();
            assertThat(button(page, "重新拍照")).isVisible();
            waitForImages(page);
            Browsers.screenshot(page, suite, "03-first-pass");
            assertThat(attemptsUsed(c)).isZero();
            long firstVerified = f.tree(f.get("/api/candidate/me", f.login(c))).at("/verifiedSubmission/id").asLong();

            button(page, "重新拍照").click();
            takePhotoWithCamera(page, suite, "04");
            // Until the new photo passes, the verified one is kept and shown.
            Locator kept = page.locator("[data-test=kept-verified]");
            assertThat(kept).isVisible();
            assertThat(kept.getByAltText("已通过核验的照片")).isVisible();
            assertThat(page.getByText("剩余核验次数：3 次")).isVisible();
            waitForImages(page);
            Browsers.screenshot(page, suite, "06-retake-checked-verified-kept");
            page.reload();
            assertThat(kept.getByAltText("已通过核验的照片")).isVisible();
            assertThat(page.getByText("照片检测通过")).isVisible();

            button(page, "进行人证核验").click();
            assertThat(page.getByText("身份核验【通过】")).isVisible();
            assertThat(page.locator("[data-test=attempts-left]")).containsText("剩余核验次数：3 次");
            waitForImages(page);
            Browsers.screenshot(page, suite, "07-second-pass");
            long secondVerified = f.tree(f.get("/api/candidate/me", f.login(c))).at("/verifiedSubmission/id").asLong();
            assertThat(secondVerified).isNotEqualTo(firstVerified);

            button(page, "确认无误并提交").click();
            assertThat(page.getByText("采集成功")).isVisible();
            Browsers.screenshot(page, suite, "08-collected");
            assertThat(jdbc.sql("select state from candidate where id = ?").param(c.id()).query(String.class).single())
                    .isEqualTo("COLLECTED");
            assertThat(attemptsUsed(c)).isZero();
        }
    }

    @Test
    void aLostResponseIsRetriedWithTheSameIdempotencyKeyAndChangesNothingTwice() {
        var c = f.candidate("邓超", "ID_CARD", CandidateFixture.REFERENCE);
        String suite = "candidate-lost-response";
        try (Browser browser = Browsers.launch(playwright, camera(f.portrait(CandidateFixture.GENUINE), "genuine-lost"));
             BrowserContext context = Browsers.phone(browser, base(), true)) {
            Page page = context.newPage();
            // The first copy of each request reaches the server, but its answer is lost on the way back.
            Map<String, List<String>> keys = new ConcurrentHashMap<>();
            for (String path : List.of("**/api/candidate/photos", "**/api/candidate/submissions/*/verification",
                    "**/api/candidate/submissions/*/confirmation")) {
                page.route(path, route -> {
                    List<String> seen = keys.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>());
                    seen.add(String.valueOf(route.request().headers().get("idempotency-key")));
                    if (seen.size() == 1) {
                        route.fetch();
                        route.abort("connectionreset");
                    } else {
                        route.resume();
                    }
                });
            }
            page.navigate("/candidate/");
            login(page, c);
            button(page, "直接拍照").click();
            takePhotoWithCamera(page, suite, "01");
            button(page, "进行人证核验").click();
            assertThat(page.getByText("身份核验【通过】")).isVisible();
            button(page, "确认无误并提交").click();
            assertThat(page.getByText("采集成功")).isVisible();
            Browsers.screenshot(page, suite, "03-collected-after-retries");

            assertThat(keys).hasSize(3);
            keys.forEach((path, seen) -> {
                assertThat(seen).as(path).hasSize(2);
                assertThat(seen.get(0)).as(path).matches("[A-Za-z0-9_.:-]{16,100}").isEqualTo(seen.get(1));
            });
            assertThat(keys.values().stream().map(l -> l.get(0)).distinct()).hasSize(3);
            assertThat(jdbc.sql("select count(*) from submission where candidate_id = ?").param(c.id()).query(Long.class).single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from verification_attempt where candidate_id = ?").param(c.id()).query(Long.class).single())
                    .isEqualTo(1);
            assertThat(attemptsUsed(c)).isZero();
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

    private int attemptsUsed(CandidateFixture.Candidate c) {
        return jdbc.sql("select attempts_used from candidate where id = ?").param(c.id()).query(Integer.class).single();
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
}
