package cn.gdeea.examphoto.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright for Java, as the browser tests need it: headless, no
 * network beyond localhost, optionally with a real photo as the camera. Playwright never downloads
 * a browser here; a machine without {@code /usr/bin/chromium} skips (CI installs it and fails).
 */
public final class Browsers {

    public static final Path CHROMIUM = Path.of(System.getProperty("examphoto.chromium", "/usr/bin/chromium"));
    public static final Path SCREENSHOTS = Path.of(System.getProperty("examphoto.screenshots", "target/reports/screenshots"));

    private Browsers() {
    }

    /** Playwright with the browser download switched off. Close it after the test. */
    public static Playwright playwright() {
        if (!Files.isExecutable(CHROMIUM)) {
            Skip.because("Chromium is not installed at " + CHROMIUM + " (apt-get install chromium)");
        }
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /** Headless Chromium; with {@code camera} (an MJPEG file, see {@link FakeCamera}) as the camera. */
    public static Browser launch(Playwright playwright, Path camera) {
        List<String> args = new ArrayList<>(List.of("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic"));
        if (camera != null) {
            args.add("--use-fake-ui-for-media-stream");
            args.add("--use-fake-device-for-media-stream");
            args.add("--use-file-for-fake-video-capture=" + camera.toAbsolutePath());
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(args));
    }

    /** A phone: 360×640 CSS pixels at 3× density, touch, zh-CN, auto-capture off. Grants the camera when asked. */
    public static BrowserContext phone(Browser browser, String baseUrl, boolean cameraAllowed) {
        return phone(browser, baseUrl, cameraAllowed, false);
    }

    /**
     * {@code auditing}: the page also takes axe-core's script tag, which the app's own
     * Content-Security-Policy refuses (WebHardeningIntegrationTests checks the apps under it).
     */
    public static BrowserContext phone(Browser browser, String baseUrl, boolean cameraAllowed, boolean auditing) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBypassCSP(auditing)
                .setViewportSize(360, 640).setDeviceScaleFactor(3).setHasTouch(true).setIsMobile(true)
                .setLocale("zh-CN").setBaseURL(baseUrl)
                .setUserAgent("Mozilla/5.0 (Linux; Android 13; Phone) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/120.0 Mobile Safari/537.36"));
        if (cameraAllowed) {
            context.grantPermissions(List.of("camera"));
        }
        // The live guidance takes a compliant photo by itself after a second; tests press the shutter
        // (or tick 自动拍照 on the camera page, as LiveGuidanceBenchmarkIntegrationTests does).
        context.addInitScript("try { localStorage.getItem('examphoto.candidate.autoCapture') === null"
                + " && localStorage.setItem('examphoto.candidate.autoCapture', '0') } catch (e) {}");
        return context;
    }

    /** A desktop browser for the staff console: 1440×900, zh-CN. */
    public static BrowserContext desktop(Browser browser, String baseUrl) {
        return desktop(browser, baseUrl, false);
    }

    /** {@code auditing}: as for {@link #phone(Browser, String, boolean, boolean)}. */
    public static BrowserContext desktop(Browser browser, String baseUrl, boolean auditing) {
        return browser.newContext(new Browser.NewContextOptions().setBypassCSP(auditing)
                .setViewportSize(1440, 900).setLocale("zh-CN").setBaseURL(baseUrl));
    }

    /** Saves a full-page screenshot as {@code target/reports/screenshots/<suite>/<name>.png}. */
    public static Path screenshot(Page page, String suite, String name) {
        Path file = SCREENSHOTS.resolve(suite).resolve(name + ".png");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }
}
