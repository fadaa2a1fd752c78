package cn.gdeea.examphoto.candidate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.security.TokenService;
import cn.gdeea.examphoto.staff.StaffFixture;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.support.Browsers;
import cn.gdeea.examphoto.support.FaceData;
import cn.gdeea.examphoto.support.FakeCamera;
import cn.gdeea.examphoto.support.TestDatabase;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    @Autowired TokenService tokens;
    @TempDir Path temp;

    CandidateFixture f;
    StaffFixture staff;

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
        staff = new StaffFixture(jdbc, photos, tokens, encoder, tx);
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
        return page.locator(".materials .material[data-kind=" + kind + "]");
    }

    static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    static Locator heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name));
    }

    /** What the candidate sees (the viewport, not the whole page), for overlays and turned phones. */
    static void viewportShot(Page page, String suite, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SCREENSHOTS.resolve(suite).resolve(name + ".png")));
    }

    /** A rear camera held upright (720×1280) showing the photo. */
    Path camera(byte[] jpeg, String name) {
        return camera(jpeg, name, 720, 1280);
    }

    Path camera(byte[] jpeg, String name, int width, int height) {
        try {
            Path photo = temp.resolve(name + ".jpg");
            Files.write(photo, jpeg);
            return FakeCamera.mjpeg(photo, width, height, temp.resolve(name + ".mjpeg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code jpeg} as a file the album picker ({@code #photo-file}) can choose. */
    Path file(byte[] jpeg, String name) {
        try {
            Path photo = temp.resolve(name + ".jpg");
            Files.write(photo, jpeg);
            return photo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A landscape photo of a document: an ID card side (a real face on the portrait side), a
     * passport's photo page (DOCUMENT_PAGE), or the document held up (HAND_HELD).
     */
    Path landscape(String kind) {
        try {
            BufferedImage image = new BufferedImage(1280, 860, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(120, 110, 100));
            g.fillRect(0, 0, 1280, 860);
            boolean page = kind.equals("DOCUMENT_PAGE");
            g.setColor(kind.equals("ID_EMBLEM") ? new Color(230, 236, 245) : page ? new Color(245, 240, 230) : new Color(220, 232, 240));
            g.fillRoundRect(140, 110, 1000, 640, 40, 40);
            g.setColor(new Color(40, 40, 40));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
            g.drawString(kind.equals("ID_EMBLEM") ? "RESIDENT IDENTITY CARD" : page ? "PASSPORT  P<CHN" : "NAME  ADDRESS  NUMBER", 200, 200);
            if (!kind.equals("ID_EMBLEM")) {
                BufferedImage face = ImageIO.read(FaceData.requireFolder().resolve(CandidateFixture.REFERENCE).toFile());
                g.drawImage(face, page ? 200 : 800, 260, 280, 360, null);
            }
            g.dispose();
            Path file = temp.resolve(kind + "-" + System.nanoTime() + ".jpg");
            Files.write(file, write(image));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes one manual-review material with the album picker, from the review page back to it. */
    static void takeMaterialFromFile(Page page, String kind, Path photo, String suite, String shot) {
        material(page, kind).getByRole(AriaRole.BUTTON).click();
        page.locator("#photo-file").setInputFiles(photo);
        assertThat(page.getByAltText("拍好的照片")).isVisible();
        if (shot != null) {
            Browsers.screenshot(page, suite, shot);
        }
        button(page, "使用这张照片").click();
        assertThat(heading(page, "人工审核")).isVisible();
        assertThat(material(page, kind).locator(".state")).not().hasText("未上传");
    }

    /** A reviewer of the candidate's point claims the pending case and rejects it through the staff API. */
    long rejectThroughStaffApi(long candidateId, String reason, List<String> materials) {
        long caseId = jdbc.sql("select id from review_case where candidate_id = ? and status = 'PENDING'")
                .param(candidateId).query(Long.class).single();
        String token = staff.token(staff.staff("REVIEWER", "P4401"));
        var claimed = f.post("/api/staff/review-cases/" + caseId + "/claim", token, Map.of());
        assertThat(claimed.getStatusCode().is2xxSuccessful()).as("claim: %s", claimed.getBody()).isTrue();
        var rejected = f.post("/api/staff/review-cases/" + caseId + "/reject", token,
                Map.of("reason", reason, "materials", materials));
        assertThat(rejected.getStatusCode().is2xxSuccessful()).as("reject: %s", rejected.getBody()).isTrue();
        return caseId;
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
