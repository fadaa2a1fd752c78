package cn.gdeea.examphoto.candidate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.support.Browsers;
import cn.gdeea.examphoto.support.FakeCamera;
import cn.gdeea.examphoto.support.TestDatabase;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
 * What the candidate H5 browser tests share: one Spring context (the application on PostgreSQL
 * at a random port), Chromium through Playwright, the candidate fixture and the page helpers.
 * The configuration lives only here so that every subclass reuses the same cached context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class CandidateAppBrowser {

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
        // Uploads run the face engine on a shared 2-core machine: 5 s is too short a default.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
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

    /**
     * Every visible button, link, input and checkbox is at least 44×44 CSS px — itself, through
     * its label, or through an enclosing control a tap on which reaches it — and has an accessible
     * name (aria-label, aria-labelledby, its label, its text or an image's alt).
     */
    static void assertControls(Page page, String where) {
        // Dialogs open with a scaling animation: measure controls at their final size.
        page.waitForFunction("() => document.getAnimations().every(a => a.playState !== 'running' || a.effect.getTiming().iterations === Infinity)");
        assertThat(page.locator(CONTROLS).count()).as("controls on the %s page", where).isGreaterThan(0);
        assertThat(page.evaluate(CONTROL_PROBLEMS, CONTROLS)).as("controls on the %s page", where)
                .asInstanceOf(InstanceOfAssertFactories.LIST).isEmpty();
    }

    static final String CONTROLS =
            "button, a[href], input:not([type=hidden]), select, textarea, [role=button], [role=checkbox], [role=link], [role=radio]";

    static final String CONTROL_PROBLEMS = """
            (selector) => {
              const text = (e) => (e.innerText || e.textContent || '').replace(/\\s+/g, ' ').trim();
              const shown = (e) => { const s = getComputedStyle(e); return s.display !== 'none' && s.visibility !== 'hidden' && e.getClientRects().length > 0; };
              const big = (e) => { const r = e.getBoundingClientRect(); return r.width >= 44 && r.height >= 44 && shown(e); };
              const name = (e) => {
                const label = (e.getAttribute('aria-label') || '').trim();
                if (label) return label;
                const by = (e.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)
                  .map((id) => document.getElementById(id)).filter(Boolean).map(text).join(' ').trim();
                if (by) return by;
                const labels = e.labels ? [...e.labels].map(text).join(' ').trim() : '';
                if (labels) return labels;
                const own = text(e);
                if (own) return own;
                const img = e.querySelector('img[alt]');
                return img ? img.alt.trim() : (e.getAttribute('title') || '').trim();
              };
              const problems = [];
              for (const e of document.querySelectorAll(selector)) {
                if (!shown(e) || e.closest('[aria-hidden=true], [inert]')) continue;
                const what = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + String(e.className).split(' ').join('.')
                  + ' "' + (name(e) || text(e)).slice(0, 30) + '"';
                const reach = [e, ...(e.labels ? [...e.labels] : [])];
                for (let p = e.parentElement; p; p = p.parentElement) {
                  if (p.matches('label, button, a[href], [role=button], [role=checkbox]')) reach.push(p);
                }
                if (!reach.some(big)) {
                  const r = e.getBoundingClientRect();
                  problems.push(what + ' is ' + Math.round(r.width) + 'x' + Math.round(r.height));
                }
                if (!name(e)) problems.push(what + ' has no accessible name');
              }
              return problems;
            }""";

    String base() {
        return "http://localhost:" + port;
    }

    static void login(Page page, CandidateFixture.Candidate c) {
        page.getByLabel("考生号").fill(c.number());
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill(CandidateFixture.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确定")).click();
    }

    static void takePhotoWithCamera(Page page, String suite, String prefix) {
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

    static void waitForVideo(Page page) {
        page.waitForFunction("() => { const v = document.querySelector('video'); return v && v.videoWidth > 0 && v.readyState >= 2 }");
    }

    static void waitForImages(Page page) {
        page.waitForFunction("() => { const a = [...document.querySelectorAll('main img')]; return a.length > 0 && a.every(i => i.complete && i.naturalWidth > 0) }");
    }

    static Locator material(Page page, String kind) {
        return page.locator(".material[data-kind=" + kind + "]");
    }

    Path camera(byte[] jpeg, String name) {
        try {
            Path photo = temp.resolve(name + ".jpg");
            Files.write(photo, jpeg);
            return FakeCamera.mjpeg(photo, 720, 1280, temp.resolve(name + ".mjpeg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] write(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
