package cn.gdeea.examphoto.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Skips a test whose prerequisite (face photos, the Node reference, a server) is missing, saying
 * why. In CI ({@code CI=true}), where .ci/run provides every prerequisite, it fails instead.
 */
public final class Skip {

    private Skip() {
    }

    public static void because(String reason) {
        String message = "SKIPPED: " + reason;
        System.out.println(message);
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("in CI every prerequisite must be present: " + reason);
        }
        Assumptions.abort(message);
    }
}
