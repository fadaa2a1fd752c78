package cn.gdeea.examphoto.candidate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.support.Browsers;
import cn.gdeea.examphoto.support.PageChecks;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a new candidate meets on the H5, page by page, on a phone: no serious accessibility
 * violation (axe-core) on any page, a login form that helps rather than scolds, messages in the
 * chosen language, and a review page that says what happens next. Screenshots in
 * {@code target/reports/screenshots/candidate-quality/}.
 */
class CandidateAppQualityBrowserIntegrationTests extends CandidateAppBrowser {

    static final String SUITE = "candidate-quality";

    @Test
    void everyPageOfTheJourneyHasNoSeriousAccessibilityViolation() {
        var c = f.candidate("林悦", "ID_CARD", CandidateFixture.REFERENCE);
        var passport = f.candidate("孙琪", "护照", null);
        Map<String, List<String>> axe = new LinkedHashMap<>();
        try (Browser browser = Browsers.launch(playwright, camera(f.portrait(CandidateFixture.GENUINE), "genuine-axe"));
             BrowserContext context = Browsers.phone(browser, base(), true, true)) {
            Page page = context.newPage();
            page.navigate("/candidate/");
            assertThat(page.getByLabel("考生号")).isVisible();
            audit(page, "01-login", axe);
            page.navigate("/candidate/#/faq");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("常见问题"))).isVisible();
            audit(page, "02-faq", axe);
            page.navigate("/candidate/#/login");
            login(page, c);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("拍照指南"))).isVisible();
            audit(page, "03-guide", axe);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("直接拍照")).click();
            waitForVideo(page);
            audit(page, "04-camera", axe);
            takePhotoWithCamera(page, SUITE, "05");
            assertThat(page.getByText("照片检测通过")).isVisible();
            waitForImages(page);
            audit(page, "06-check", axe);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("进行人证核验")).click();
            assertThat(page.getByText("身份核验【通过】")).isVisible();
            waitForImages(page);
            audit(page, "07-verify", axe);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认无误并提交")).click();
            assertThat(page.getByText("采集成功")).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("我的照片")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("我的照片"))).isVisible();
            waitForImages(page);
            audit(page, "08-result", axe);
            page.navigate("/candidate/#/attempts");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("不通过"))).isVisible();
            audit(page, "09-attempts", axe);

            // In English the document type is English too: the message files have it.
            page.navigate("/candidate/#/result");
            page.evaluate("() => localStorage.setItem('examphoto.candidate.locale', 'en')");
            page.reload();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My photo"))).isVisible();
            assertThat(page.locator("main")).containsText("Resident ID card");
            assertThat(page.locator("main")).not().containsText("居民身份证");
            Browsers.screenshot(page, SUITE, "10-result-en");
            page.evaluate("() => localStorage.removeItem('examphoto.candidate.locale')");
        }

        try (Browser browser = Browsers.launch(playwright, null);
             BrowserContext context = Browsers.phone(browser, base(), false, true)) {
            Page page = context.newPage();
            page.navigate("/candidate/");
            login(page, passport);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("人工审核"))).isVisible();
            audit(page, "11-review-materials", axe);
            String token = f.login(passport);
            // A passport holder sends the passport's photo page and a landscape hand-held photo.
            for (String kind : List.of("PORTRAIT", "DOCUMENT_PAGE", "HAND_HELD")) {
                byte[] photo = kind.equals("PORTRAIT") ? f.portrait(CandidateFixture.GENUINE) : card(kind);
                var r = f.upload("/api/candidate/review/materials/" + kind, token, photo, "m.jpg", "image/jpeg");
                assertThat(r.getStatusCode().value()).as(kind + ": " + r.getBody()).isEqualTo(200);
            }
            JsonNode submitted = f.tree(f.post("/api/candidate/review/submit", token, Map.of()));
            assertThat(submitted.get("state").asText()).isEqualTo("MANUAL_PENDING");
            page.reload();
            // 审核中 says what follows: how long, what the outcomes mean, and whom to call.
            Locator next = page.locator("[data-test=review-next]");
            assertThat(next).containsText("3 个工作日内");
            assertThat(next).containsText("广州市第一报考点");
            assertThat(next.locator("[data-test=point-phone]")).hasText("020-12345678");
            assertThat(next.locator("[data-test=point-phone]")).hasAttribute("href", "tel:020-12345678");
            audit(page, "12-review-pending", axe);
        }
        assertThat(axe).as("serious or critical axe-core violations, by page").allSatisfy((k, v) -> assertThat(v).as(k).isEmpty());
    }

    @Test
    void theLoginFormHelpsANewCandidate() {
        var c = f.candidate("黄蕾", "ID_CARD", CandidateFixture.REFERENCE);
        try (Browser browser = Browsers.launch(playwright, null);
             BrowserContext context = Browsers.phone(browser, base(), false, true)) {
            Page page = context.newPage();
            page.navigate("/candidate/");
            Locator number = page.getByLabel("考生号");
            Locator submit = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确定"));
            Locator hint = page.getByText(Pattern.compile("考生号为14位数字.*已输入"));

            // No red error while the number is still being typed...
            number.pressSequentially("2644");
            assertThat(page.getByText("已输入 4 位")).isVisible();
            assertThat(hint).isHidden();
            Browsers.screenshot(page, SUITE, "20-login-typing");
            // ...but once the field is left,
            page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).focus();
            assertThat(hint).isVisible();
            // and, without leaving it, once a full-length number cannot be right.
            page.reload();
            number.pressSequentially("12345678901234");
            assertThat(number).isFocused();
            assertThat(hint).isVisible();
            Browsers.screenshot(page, SUITE, "21-login-full-length-wrong");

            // A number pasted from a notice, with spaces, is cleaned.
            page.reload();
            number.focus();
            page.evaluate("n => { const i = document.getElementById('candidate-number'); i.value = n; i.dispatchEvent(new Event('input', { bubbles: true })) }",
                    c.number().substring(0, 4) + " " + c.number().substring(4, 9) + " " + c.number().substring(9));
            assertThat(number).hasValue(c.number());
            assertThat(hint).isHidden();

            // Unticking the agreement says why 确定 is now disabled.
            page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("wrong-password");
            assertThat(submit).isEnabled();
            page.getByRole(AriaRole.CHECKBOX).click();
            assertThat(submit).isDisabled();
            assertThat(page.locator("[data-test=agree-hint]")).containsText("需先勾选同意");
            Browsers.screenshot(page, SUITE, "22-login-agreement-unticked");
            page.getByRole(AriaRole.CHECKBOX).click();
            assertThat(page.locator("[data-test=agree-hint]")).isHidden();

            // A wrong password says how many tries are left before the lockout.
            submit.click();
            Locator error = page.getByRole(AriaRole.ALERT);
            assertThat(error).hasText("考生号或密码错误，还可尝试 4 次");
            Browsers.screenshot(page, SUITE, "23-login-tries-left");
            // The message on screen follows the language switch.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("切换语言")).click();
            assertThat(error).hasText("Wrong candidate number or password; 4 tries left");
            Browsers.screenshot(page, SUITE, "24-login-error-en");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch language")).click();
            assertThat(error).hasText("考生号或密码错误，还可尝试 4 次");

            // 咨询电话 before login: every point's number, as a link to call.
            page.getByText("咨询电话").click();
            Locator dialog = page.locator(".van-dialog");
            assertThat(dialog).containsText("各报考点咨询电话");
            assertThat(dialog).containsText("广州市第一报考点");
            assertThat(dialog.locator("a[href='tel:020-12345678']").first()).isVisible();
            Browsers.screenshot(page, SUITE, "25-login-hotline");
        }
    }

    /** A plain card-coloured JPEG standing in for a photo of an ID card. */
    private static byte[] card(String caption) {
        // Every document material, the hand-held photo included, is taken in landscape.
        BufferedImage image = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(90, 100, 110));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(new Color(226, 236, 246));
        g.fillRoundRect(40, 40, image.getWidth() - 80, image.getHeight() - 80, 30, 30);
        g.setColor(Color.DARK_GRAY);
        g.drawString(caption, 80, image.getHeight() / 2);
        g.dispose();
        return write(image);
    }

    private static void audit(Page page, String name, Map<String, List<String>> axe) {
        axe.put(name, PageChecks.seriousAxeViolations(page));
        assertThat(PageChecks.unresolvedComponents(page)).as("components left unrendered on %s", name).isEmpty();
        Browsers.screenshot(page, SUITE, name);
    }
}
