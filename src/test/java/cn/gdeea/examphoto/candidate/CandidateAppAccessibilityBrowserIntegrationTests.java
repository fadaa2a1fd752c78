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
 * keyboard open, and touch-target size and accessible names of every control along the way.
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

    private static double documentTop(Locator element) {
        return ((Number) element.evaluate("e => e.getBoundingClientRect().top + window.scrollY")).doubleValue();
    }
}
