package cn.gdeea.examphoto.support;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Checks every browser test can run on any page of both front ends: components Vue could not
 * resolve, and accessibility by axe-core (the npm package the front-end build installs, injected
 * from {@code frontend/node_modules}, never from a CDN).
 */
public final class PageChecks {

    public static final Path AXE = Path.of(System.getProperty("examphoto.axe", "frontend/node_modules/axe-core/axe.min.js"));

    private PageChecks() {
    }

    /**
     * Collects Vue's "Failed to resolve component" warnings from the page's console. A production
     * build drops Vue's warnings, so {@link #unresolvedComponents} is what catches them there.
     */
    public static List<String> resolveWarnings(Page page) {
        List<String> warnings = new CopyOnWriteArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Failed to resolve component")) {
                warnings.add(m.text());
            }
        });
        return warnings;
    }

    /**
     * Tags Vue rendered as they were written because no component of that name was registered:
     * {@code <el-radio-group>} in the DOM is a component that never rendered. Custom elements
     * defined with {@code customElements.define} do not count.
     */
    @SuppressWarnings("unchecked")
    public static List<String> unresolvedComponents(Page page) {
        return (List<String>) page.evaluate("""
                () => [...new Set([...document.querySelectorAll('*')].map(e => e.localName)
                  .filter(n => n.includes('-') && !customElements.get(n)))]""");
    }

    /** The serious and critical axe-core violations on the page as it is now, one line each. */
    @SuppressWarnings("unchecked")
    public static List<String> seriousAxeViolations(Page page) {
        if (!Files.isReadable(AXE)) {
            throw new IllegalStateException("axe-core is not installed at " + AXE.toAbsolutePath()
                    + " (npm ci --prefix frontend, which the build runs)");
        }
        page.waitForLoadState(LoadState.NETWORKIDLE);
        // Measured when dialogs and transitions have settled, not halfway through a fade.
        page.waitForFunction("() => document.getAnimations().every(a => a.playState !== 'running' "
                + "|| a.effect.getTiming().iterations === Infinity)");
        if (!(Boolean) page.evaluate("() => typeof window.axe !== 'undefined'")) {
            page.addScriptTag(new Page.AddScriptTagOptions().setPath(AXE));
        }
        return (List<String>) page.evaluate("""
                async () => {
                  const r = await axe.run(document, { resultTypes: ['violations'] });
                  return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .flatMap(v => v.nodes.map(n => v.id + ' (' + v.impact + '): ' + n.target.join(' ') + ' '
                      + n.html.replace(/\\s+/g, ' ').slice(0, 160) + ' — ' + v.help
                      + (v.id === 'color-contrast' ? ' ' + (n.any[0]?.message || '') : '')));
                }""");
    }
}
