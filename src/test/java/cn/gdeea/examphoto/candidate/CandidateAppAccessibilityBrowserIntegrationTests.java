package cn.gdeea.examphoto.candidate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.support.Browsers;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.AriaRole;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Layout and accessibility of the candidate H5 on a phone: the login form with the on-screen
 * keyboard open, the camera with the phone turned sideways (740×360), and touch-target size and
 * accessible names of every control along the way.
 */
class CandidateAppAccessibilityBrowserIntegrationTests extends CandidateAppBrowser {

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

    @Test
    void withThePhoneTurnedTheDocumentCamerasShutterAndButtonsStayOnScreen() throws java.io.IOException {
        var c = f.candidate("宋佳", "PASSPORT", CandidateFixture.REFERENCE);
        String suite = "candidate-landscape-capture";
        byte[] documentPage = java.nio.file.Files.readAllBytes(landscape("DOCUMENT_PAGE"));
        // A rear camera held sideways: 1280×720 frames of the passport's photo page.
        try (Browser browser = Browsers.launch(playwright, camera(documentPage, "document-landscape", 1280, 720));
             BrowserContext context = Browsers.phone(browser, base(), true)) {
            Page page = context.newPage();
            page.navigate("/candidate/");
            login(page, c);
            assertThat(heading(page, "人工审核")).isVisible();
            page.setViewportSize(740, 360);
            material(page, "DOCUMENT_PAGE").getByRole(AriaRole.BUTTON).click();
            assertThat(heading(page, "拍摄证件照片页")).isVisible();
            waitForVideo(page);
            Locator shutter = button(page, "拍照");
            assertOnScreen(shutter, 740, 360);
            assertOnScreen(page.locator("video"), 740, 360);
            assertControls(page, "landscape camera");
            viewportShot(page, suite, "01-landscape-camera");

            shutter.click();
            assertThat(page.getByAltText("拍好的照片")).isVisible();
            assertThat(page.getByText("请将手机横过来拍摄（横向照片）")).hasCount(0);
            assertOnScreen(button(page, "使用这张照片"), 740, 360);
            assertOnScreen(button(page, "重拍"), 740, 360);
            viewportShot(page, suite, "02-landscape-preview");
            button(page, "使用这张照片").click();
            assertThat(material(page, "DOCUMENT_PAGE").locator(".state")).hasText("已上传");
            viewportShot(page, suite, "03-back-on-review");

            // The portrait camera, also turned: its shutter too.
            material(page, "PORTRAIT").getByRole(AriaRole.BUTTON).click();
            waitForVideo(page);
            assertOnScreen(button(page, "拍照"), 740, 360);
            viewportShot(page, suite, "04-landscape-portrait-camera");
        }
    }

    /** The element's bounding box lies inside the viewport, without scrolling. */
    private static void assertOnScreen(Locator element, int width, int height) {
        assertThat(element).isVisible();
        assertThat(((Number) element.page().evaluate("() => window.scrollY")).doubleValue()).isZero();
        BoundingBox box = element.boundingBox();
        assertThat(box).isNotNull();
        assertThat(box.x).as("left").isGreaterThanOrEqualTo(0);
        assertThat(box.y).as("top").isGreaterThanOrEqualTo(0);
        assertThat(box.x + box.width).as("right").isLessThanOrEqualTo(width);
        assertThat(box.y + box.height).as("bottom").isLessThanOrEqualTo(height);
    }

    private static double documentTop(Locator element) {
        return ((Number) element.evaluate("e => e.getBoundingClientRect().top + window.scrollY")).doubleValue();
    }
}
