package cn.gdeea.examphoto.candidate;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/** Page helpers of the live guidance browser tests. */
final class LiveGuidance {

    static final String AUTO_CAPTURE_OFF = "try { localStorage.setItem('examphoto.candidate.autoCapture', '0') } catch (e) {}";

    private LiveGuidance() {
    }

    /** Logs in and opens the portrait camera; returns once the guidance analyses frames. */
    static void openCamera(Page page, CandidateFixture.Candidate c) {
        page.navigate("/candidate/");
        CandidateAppBrowser.login(page, c);
        page.waitForURL("**/#/guide");
        page.navigate("/candidate/#/camera");
        CandidateAppBrowser.waitForVideo(page);
        page.waitForFunction("() => { const g = document.querySelector('.guidance'); return g && Number(g.dataset.analysed) > 0 }",
                null, new Page.WaitForFunctionOptions().setTimeout(120_000));
    }

    static void autoCaptureOff(BrowserContext context) {
        context.addInitScript(AUTO_CAPTURE_OFF);
    }

    static String hint(Page page) {
        return page.locator(".guidance").getAttribute("data-hint");
    }

    static long analysed(Page page) {
        return Long.parseLong(page.locator(".guidance").getAttribute("data-analysed"));
    }
}
