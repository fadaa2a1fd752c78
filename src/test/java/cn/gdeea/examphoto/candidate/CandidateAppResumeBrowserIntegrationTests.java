package cn.gdeea.examphoto.candidate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.support.Browsers;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Resume anywhere: a WeChat reload on every page of the journey (guide, camera, check, verify,
 * attempts, result; the review page in the manual-review journeys) lands where the candidate
 * was, rebuilt from {@code GET /api/candidate/me}; closing the web view and opening it again
 * keeps the login until the token expires. Chromium at 360×640 on PostgreSQL; screenshots in
 * target/reports/screenshots/candidate-resume.
 */
class CandidateAppResumeBrowserIntegrationTests extends CandidateAppBrowser {

    @Test
    void aReloadOnEveryPageLandsWhereTheCandidateWas() {
        var c = f.candidate("谢婷", "ID_CARD", CandidateFixture.REFERENCE);
        String suite = "candidate-resume";
        try (Browser browser = Browsers.launch(playwright, camera(f.portrait(CandidateFixture.GENUINE), "genuine-resume"));
             BrowserContext context = Browsers.phone(browser, base(), true)) {
            Page page = context.newPage();
            page.navigate("/candidate/");
            login(page, c);
            assertThat(heading(page, "拍照指南")).isVisible();
            page.reload();
            assertThat(heading(page, "拍照指南")).isVisible();
            assertThat(page).hasURL(Pattern.compile("#/guide$"));
            Browsers.screenshot(page, suite, "01-guide-after-reload");

            button(page, "直接拍照").click();
            waitForVideo(page);
            page.reload();
            assertThat(heading(page, "拍照")).isVisible();
            waitForVideo(page);
            Browsers.screenshot(page, suite, "02-camera-after-reload");

            // Someone else's face, chosen from the album: checks pass, verification fails.
            page.locator("#photo-file").setInputFiles(file(f.portrait(CandidateFixture.IMPOSTOR), "impostor-resume"));
            button(page, "使用这张照片").click();
            assertThat(page.getByText("照片检测通过")).isVisible();
            page.reload();
            assertThat(page.getByText("照片检测通过")).isVisible();
            assertThat(page).hasURL(Pattern.compile("#/check$"));
            assertThat(page.getByAltText("上传的照片")).isVisible();
            waitForImages(page);
            Browsers.screenshot(page, suite, "03-check-after-reload");

            button(page, "进行人证核验").click();
            assertThat(page.getByText("身份核验【不通过】")).isVisible();
            page.reload();
            assertThat(page.getByText("身份核验【不通过】")).isVisible();
            assertThat(page.getByText("剩余核验次数：2 次")).isVisible();
            Browsers.screenshot(page, suite, "04-failed-verification-after-reload");

            button(page, "查看不通过照片").click();
            assertThat(page.getByText("第 1 次核验")).isVisible();
            page.reload();
            assertThat(page.getByText("第 1 次核验")).isVisible();
            waitForImages(page);
            Browsers.screenshot(page, suite, "05-attempts-after-reload");
            button(page, "返回").last().click();
            assertThat(page.getByText("身份核验【不通过】")).isVisible();

            button(page, "重新拍照").click();
            takePhotoWithCamera(page, suite, "06");
            button(page, "进行人证核验").click();
            assertThat(page.getByText("身份核验【通过】")).isVisible();
            page.reload();
            assertThat(page.getByText("身份核验【通过】")).isVisible();
            assertThat(page.getByText("剩余核验次数：2 次")).isVisible();
            assertThat(page.getByAltText("核验通过的标准照片")).isVisible();
            waitForImages(page);
            Browsers.screenshot(page, suite, "08-verified-after-reload");

            // WeChat closed and opened again: a new page of the same phone, no login, back on the pass page.
            page.close();
            page = context.newPage();
            page.navigate("/candidate/");
            assertThat(page.getByText("身份核验【通过】")).isVisible();
            assertThat(button(page, "确认无误并提交")).isVisible();
            Browsers.screenshot(page, suite, "09-reopened-verified");

            button(page, "确认无误并提交").click();
            assertThat(page.getByText("采集成功")).isVisible();
            button(page, "我的照片").click();
            assertThat(heading(page, "我的照片")).isVisible();
            page.reload();
            assertThat(heading(page, "我的照片")).isVisible();
            assertThat(page.getByText(c.number())).isVisible();
            waitForImages(page);
            Browsers.screenshot(page, suite, "10-result-after-reload");

            // An expired token is dropped: the next load asks for the login again.
            page.evaluate("() => { const k = 'examphoto.candidate.token'; const s = JSON.parse(localStorage.getItem(k));"
                    + " s.expiresAt = new Date(Date.now() - 1000).toISOString(); localStorage.setItem(k, JSON.stringify(s)); }");
            page.reload();
            assertThat(page.getByLabel("考生号")).isVisible();
            assertThat(page.evaluate("() => localStorage.getItem('examphoto.candidate.token')")).isNull();
            Browsers.screenshot(page, suite, "11-expired-token-login");
        }
    }

    @Test
    void aRevokedTokenSendsTheCandidateToTheLoginAndIsForgotten() {
        var c = f.candidate("冯雪", "ID_CARD", CandidateFixture.REFERENCE);
        try (Browser browser = Browsers.launch(playwright, null);
             BrowserContext context = Browsers.phone(browser, base(), false)) {
            Page page = context.newPage();
            page.navigate("/candidate/");
            login(page, c);
            assertThat(heading(page, "拍照指南")).isVisible();
            String token = (String) page.evaluate("() => JSON.parse(localStorage.getItem('examphoto.candidate.token')).token");
            assertThat(f.get("/api/candidate/me", token).getStatusCode().value()).isEqualTo(200);
            // Logged out elsewhere (or revoked): the stored token now answers 401.
            HttpHeaders headers = new HttpHeaders();
            headers.setBearerAuth(token);
            assertThat(http.exchange("/api/candidate/session", HttpMethod.DELETE, new HttpEntity<>(headers), String.class)
                    .getStatusCode().is2xxSuccessful()).isTrue();
            page.reload();
            assertThat(page.getByLabel("考生号")).isVisible();
            assertThat(page.evaluate("() => localStorage.getItem('examphoto.candidate.token')")).isNull();
        }
    }
}
