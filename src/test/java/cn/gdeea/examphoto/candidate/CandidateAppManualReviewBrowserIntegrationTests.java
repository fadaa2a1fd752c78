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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The candidate H5 journeys that end in manual review (SPEC §2): a wrong person three times, a
 * passport holder's materials, a rejection and the resubmission of one item, and a rare-character
 * name, in Chromium at 360×640 against the application on PostgreSQL. Screenshots go to target/reports/screenshots/candidate-*.
 */
class CandidateAppManualReviewBrowserIntegrationTests extends CandidateAppBrowser {

    @Test
    void wrongPersonThreeTimesGoesToManualReviewAndSendsTheMaterials() {
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
    void passportHolderConfirmsNameAndMaskedNumberAndSendsThePhotoPageTheHandHeldPhotoAndThePortrait() {
        var c = f.candidate("林娜", "PASSPORT", CandidateFixture.REFERENCE);
        String suite = "candidate-passport";
        try (Browser browser = Browsers.launch(playwright, camera(f.portrait(CandidateFixture.GENUINE), "passport-portrait"));
             BrowserContext context = Browsers.phone(browser, base(), true)) {
            Page page = context.newPage();
            page.navigate("/candidate/");
            login(page, c);
            assertThat(heading(page, "人工审核")).isVisible();
            assertThat(page.getByText("您的证件（护照）不是居民身份证，系统无法进行人证核验")).isVisible();

            // The name and the masked document number the candidate is asked to confirm.
            String masked = f.tree(f.get("/api/candidate/me", f.login(c))).get("documentNumberMasked").asText();
            assertThat(masked).isNotBlank().isNotEqualTo("44010620080101001X");
            Locator identity = page.locator("[data-test=identity]");
            assertThat(identity.locator("[data-test=identity-name]")).hasText("林娜");
            assertThat(identity.locator("[data-test=identity-number]")).hasText(masked);
            assertThat(identity).containsText("护照");
            assertThat(page.locator("main")).not().containsText("44010620080101001X");

            // A passport's materials: its photo page and a hand-held photo of it, plus the portrait; nothing of an ID card.
            assertThat(page.locator(".materials .material")).hasCount(3);
            assertThat(material(page, "DOCUMENT_PAGE")).containsText("证件照片页");
            assertThat(material(page, "HAND_HELD")).containsText("手持证件照片");
            assertThat(material(page, "PORTRAIT")).containsText("本人照片");
            assertThat(page.locator("main")).not().containsText("身份证人像面");
            assertThat(page.locator("main")).not().containsText("国徽面");
            assertThat(page.locator("main")).not().containsText("手持身份证");
            assertThat(page.getByText("证件拍照指南")).isVisible();
            assertThat(page.locator(".figures svg[aria-label=证件照片页]")).isVisible();
            assertThat(page.locator(".figures svg[aria-label=手持证件照片]")).isVisible();
            assertThat(page.getByText("请先上传全部 3 项资料")).isVisible();
            assertControls(page, "passport manual review");
            Browsers.screenshot(page, suite, "01-manual-review");

            material(page, "DOCUMENT_PAGE").getByRole(AriaRole.BUTTON).click();
            assertThat(heading(page, "拍摄证件照片页")).isVisible();
            page.locator("#photo-file").setInputFiles(landscape("DOCUMENT_PAGE"));
            assertThat(page.getByAltText("拍好的照片")).isVisible();
            Browsers.screenshot(page, suite, "02-document-page-preview");
            button(page, "使用这张照片").click();
            assertThat(material(page, "DOCUMENT_PAGE").locator(".state")).hasText("已上传");
            assertThat(page.getByText("还需上传：手持证件照片、本人照片（按拍照指南）")).isVisible();

            // A reload keeps what was sent: the status and the preview come back from the server.
            page.reload();
            assertThat(material(page, "DOCUMENT_PAGE").locator(".state")).hasText("已上传");
            assertThat(material(page, "DOCUMENT_PAGE").locator("img")).hasAttribute("src", Pattern.compile("^blob:"));
            assertThat(material(page, "HAND_HELD").locator(".state")).hasText("未上传");
            Browsers.screenshot(page, suite, "03-after-reload");

            material(page, "HAND_HELD").getByRole(AriaRole.BUTTON).click();
            assertThat(heading(page, "拍摄手持证件照片")).isVisible();
            page.locator("#photo-file").setInputFiles(landscape("HAND_HELD"));
            button(page, "使用这张照片").click();
            assertThat(material(page, "HAND_HELD").locator(".state")).hasText("已上传");

            material(page, "PORTRAIT").getByRole(AriaRole.BUTTON).click();
            waitForVideo(page);
            button(page, "拍照").click();
            button(page, "使用这张照片").click();
            assertThat(material(page, "PORTRAIT").locator(".state")).hasText("已上传");
            waitForImages(page);
            Browsers.screenshot(page, suite, "04-materials-complete");

            button(page, "提交审核").click();
            assertThat(heading(page, "审核中")).isVisible();
            assertThat(page.locator("[data-test=review-next]")).containsText("广州市第一报考点");
            assertThat(page.locator("[data-test=review-next] a[href^='tel:']")).hasText("020-12345678");
            assertThat(page.locator(".sent img")).hasCount(3);
            Browsers.screenshot(page, suite, "05-under-review");
            assertThat(jdbc.sql("select state from candidate where id = ?").param(c.id()).query(String.class).single())
                    .isEqualTo("MANUAL_PENDING");
            assertThat(jdbc.sql("select attempts_used from candidate where id = ?").param(c.id()).query(Integer.class).single()).isZero();
        }
    }

    @Test
    void aRejectedItemIsMarkedItsReasonStaysAndOnlyThatItemIsTakenAgain() {
        var c = f.candidate("周敏", "ID_CARD", null);
        String suite = "candidate-rejected";
        try (Browser browser = Browsers.launch(playwright, null);
             BrowserContext context = Browsers.phone(browser, base(), false)) {
            Page page = context.newPage();
            page.navigate("/candidate/");
            login(page, c);
            assertThat(page.getByText("系统中没有可用于核验的身份证照片，请提交人工审核资料。")).isVisible();
            assertThat(page.locator(".materials .material")).hasCount(4);
            for (String kind : List.of("ID_PORTRAIT", "ID_EMBLEM", "HAND_HELD")) {
                takeMaterialFromFile(page, kind, landscape(kind), suite, null);
            }
            // A real photo against a busy background: usable for manual review, the background comes back as advice.
            takeMaterialFromFile(page, "PORTRAIT", FaceData.requireFolder().resolve(CandidateFixture.GENUINE), suite, null);
            assertThat(material(page, "PORTRAIT").locator(".state")).hasText("已上传");
            Locator advice = material(page, "PORTRAIT").locator("[data-test=advice]");
            assertThat(advice).containsText("建议（不影响提交");
            assertThat(advice.locator("li[data-check=background]")).isVisible();
            assertThat(button(page, "提交审核")).isEnabled();
            waitForImages(page);
            Browsers.screenshot(page, suite, "00-portrait-advice");
            button(page, "提交审核").click();
            assertThat(heading(page, "审核中")).isVisible();

            String reason = "手持身份证照片中证件或面部不清晰，请重新拍摄";
            rejectThroughStaffApi(c.id(), reason, List.of("HAND_HELD"));
            button(page, "刷新审核结果").click();
            Locator rejection = page.locator("[data-test=rejection]");
            assertThat(rejection).containsText("审核不通过");
            assertThat(rejection).containsText("原因：" + reason);
            assertThat(material(page, "HAND_HELD")).hasAttribute("data-status", "REJECTED");
            assertThat(material(page, "HAND_HELD").locator(".state")).hasText("需重拍");
            for (String kept : List.of("ID_PORTRAIT", "ID_EMBLEM", "PORTRAIT")) {
                assertThat(material(page, kept).locator(".state")).hasText("已上传");
            }
            assertThat(button(page, "提交审核")).isDisabled();
            assertThat(page.locator("[data-test=submit-hint]")).hasText("请重拍标记为“需重拍”的资料：手持身份证");
            waitForImages(page);
            Browsers.screenshot(page, suite, "01-rejected-item-marked");

            AtomicInteger materialUploads = new AtomicInteger();
            page.onRequest(r -> {
                if (r.method().equals("POST") && r.url().contains("/api/candidate/review/materials/")) {
                    materialUploads.incrementAndGet();
                }
            });
            takeMaterialFromFile(page, "HAND_HELD", landscape("HAND_HELD"), suite, "02-hand-held-retaken-preview");
            assertThat(material(page, "HAND_HELD").locator(".state")).hasText("已重拍");
            assertThat(rejection).containsText("原因：" + reason);
            assertThat(button(page, "提交审核")).isEnabled();
            Browsers.screenshot(page, suite, "03-retaken-reason-still-shown");

            page.reload();
            assertThat(rejection).containsText("原因：" + reason);
            assertThat(material(page, "HAND_HELD").locator(".state")).hasText("已重拍");
            assertThat(material(page, "ID_PORTRAIT").locator(".state")).hasText("已上传");
            Browsers.screenshot(page, suite, "04-after-reload");

            button(page, "提交审核").click();
            assertThat(heading(page, "审核中")).isVisible();
            Browsers.screenshot(page, suite, "05-resubmitted");
            assertThat(materialUploads.get()).isEqualTo(1);
            assertThat(jdbc.sql("select state from candidate where id = ?").param(c.id()).query(String.class).single())
                    .isEqualTo("MANUAL_PENDING");
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
}
