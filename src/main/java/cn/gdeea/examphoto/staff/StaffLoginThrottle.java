package cn.gdeea.examphoto.staff;

import cn.gdeea.examphoto.security.SharedBucketStore;
import cn.gdeea.examphoto.web.ApiException;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Throttles staff logins with token buckets per username and per client address (Bucket4j), so
 * that guessing one account's password or sweeping many accounts from one address is slowed to a
 * crawl. The buckets live in the shared database, so the limits hold across every node.
 */
@Component
class StaffLoginThrottle {

    private final SharedBucketStore store;
    private final BucketConfiguration perUsername;
    private final BucketConfiguration perAddress;

    StaffLoginThrottle(JdbcClient jdbc,
                  @Value("${examphoto.staff.login.per-username:10}") int perUsername,
                  @Value("${examphoto.staff.login.per-address:50}") int perAddress,
                  @Value("${examphoto.staff.login.window:PT15M}") Duration window) {
        this.store = new SharedBucketStore(jdbc, window.plusMinutes(5));
        this.perUsername = config(perUsername, window);
        this.perAddress = config(perAddress, window);
    }

    /** Takes one attempt from both buckets, or answers 429 {@code auth.throttled}. */
    void acquire(String username, String address) {
        String user = "staff-user:" + abbreviate(username.toLowerCase(Locale.ROOT));
        boolean userAdmitted = store.builder().build(user, () -> perUsername).tryConsume(1);
        boolean addressAdmitted = store.builder().build("staff-address:" + abbreviate(address), () -> perAddress).tryConsume(1);
        if (!userAdmitted || !addressAdmitted) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "auth.throttled",
                    "登录尝试过于频繁，请稍后再试", "Too many login attempts; please try again later");
        }
    }

    private static BucketConfiguration config(int capacity, Duration window) {
        return BucketConfiguration.builder().addLimit(l -> l.capacity(capacity).refillGreedy(capacity, window)).build();
    }

    private static String abbreviate(String key) {
        return key.length() > 100 ? key.substring(0, 100) : key;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT3M")
    void purge() {
        store.purgeExpired();
    }
}
