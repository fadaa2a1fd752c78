package cn.gdeea.examphoto.staff;

import cn.gdeea.examphoto.web.ApiException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Throttles staff logins with token buckets per username and per client address (Bucket4j), so
 * that guessing one account's password or sweeping many accounts from one address is slowed to a
 * crawl. Buckets live in this node's memory: with N nodes an attacker gets at most N times the
 * rate, which still stops guessing; sharing them would need a Bucket4j JDBC proxy.
 */
@Component
class LoginThrottle {

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int perUsername;
    private final int perAddress;
    private final Duration window;

    LoginThrottle(@Value("${examphoto.staff.login.per-username:10}") int perUsername,
                  @Value("${examphoto.staff.login.per-address:50}") int perAddress,
                  @Value("${examphoto.staff.login.window:PT15M}") Duration window) {
        this.perUsername = perUsername;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** Takes one attempt from both buckets, or answers 429 {@code auth.throttled}. */
    void acquire(String username, String address) {
        boolean user = bucket("u:" + username.toLowerCase(java.util.Locale.ROOT), perUsername).tryConsume(1);
        boolean addr = bucket("a:" + address, perAddress).tryConsume(1);
        if (!user || !addr) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "auth.throttled",
                    "登录尝试过于频繁，请稍后再试", "Too many login attempts; please try again later");
        }
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
                .build());
    }

    /** Forgets full buckets so the map does not grow with every username ever tried. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void forgetIdle() {
        buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= (e.getKey().startsWith("u:") ? perUsername : perAddress));
    }
}
