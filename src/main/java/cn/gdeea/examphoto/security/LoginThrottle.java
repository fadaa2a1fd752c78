package cn.gdeea.examphoto.security;

import cn.gdeea.examphoto.web.ApiException;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one login-throttling policy of candidates and staff (SPEC §9). Every bucket counts failed
 * logins only, and every try reserves a token in each bucket <em>before</em> the password is
 * checked, atomically in the shared database ({@link SharedBucketStore}): parallel tries on one
 * node or on several cannot all pass a check that only one of them should. A successful login
 * gives its tokens back.
 * <ul>
 *   <li>per account and client address ({@code failures-per-pair} per {@code pair-window}): the
 *       brute force from one place;</li>
 *   <li>per account from anywhere ({@code failures-per-account} per {@code account-window}, a
 *       slower back-off): a brute force spread over many addresses. Addresses the account logged
 *       in from successfully within {@code known-address-keep} are exempt from it, so an attacker
 *       cannot lock an admin out of the places the admin works from;</li>
 *   <li>per client address over all accounts ({@code failures-per-address} per
 *       {@code address-window}): one address sweeping many accounts.</li>
 * </ul>
 * A throttled try is answered 429 {@code auth.throttled} with {@code Retry-After}; it is not
 * checked and not counted.
 */
public final class LoginThrottle {

    private final JdbcClient jdbc;
    private final SharedBucketStore store;
    private final String kind;
    private final Policy policy;
    private final BucketConfiguration perPair;
    private final BucketConfiguration perAccount;
    private final BucketConfiguration perAddress;

    /**
     * @param kind   key prefix of this throttle's buckets, e.g. {@code candidate} or {@code staff}
     * @param policy its limits, see {@link #policy(Environment, String)}
     */
    public LoginThrottle(JdbcClient jdbc, String kind, Policy policy) {
        this.jdbc = jdbc;
        this.kind = kind;
        this.policy = policy;
        Duration longest = max(policy.pairWindow(), max(policy.accountWindow(), policy.addressWindow()));
        this.store = new SharedBucketStore(jdbc, longest.plusMinutes(5));
        this.perPair = config(policy.failuresPerPair(), policy.pairWindow());
        this.perAccount = config(policy.failuresPerAccount(), policy.accountWindow());
        this.perAddress = config(policy.failuresPerAddress(), policy.addressWindow());
    }

    /** The policy under {@code prefix} (e.g. {@code examphoto.staff.login}), defaults where unset. */
    public static Policy policy(Environment environment, String prefix) {
        return Binder.get(environment).bind(prefix, Policy.class)
                .orElseGet(() -> new Policy(5, Duration.ofMinutes(15), 20, Duration.ofHours(1), 100,
                        Duration.ofMinutes(15), Duration.ofDays(30)));
    }

    /**
     * Reserves one failure in each bucket that applies, or answers 429 without taking any.
     *
     * @return the try, to be marked {@link Attempt#succeeded()} when the password was right
     */
    public Attempt reserve(String account, String address) {
        String accountKey = abbreviate(account.toLowerCase(Locale.ROOT), 55);
        String addressKey = abbreviate(address == null ? "?" : address, 45);
        List<BucketProxy> buckets = new ArrayList<>(3);
        buckets.add(store.builder().build(kind + "-address:" + addressKey, () -> perAddress));
        buckets.add(store.builder().build(kind + "-pair:" + accountKey + "|" + addressKey, () -> perPair));
        if (!known(accountKey, addressKey)) {
            buckets.add(store.builder().build(kind + "-account:" + accountKey, () -> perAccount));
        }
        List<BucketProxy> taken = new ArrayList<>(3);
        long left = Long.MAX_VALUE;
        for (BucketProxy bucket : buckets) {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                taken.forEach(b -> b.addTokens(1));
                throw throttled(Duration.ofNanos(probe.getNanosToWaitForRefill()));
            }
            taken.add(bucket);
            left = Math.min(left, probe.getRemainingTokens());
        }
        return new Attempt(taken, accountKey, addressKey, left);
    }

    /** Drops buckets and known addresses nobody used for their keep time. */
    public void purgeExpired() {
        store.purgeExpired();
        jdbc.sql("delete from login_known_address where last_success_at < ?")
                .param(OffsetDateTime.now(ZoneOffset.UTC).minus(policy.knownAddressKeep())).update();
    }

    private boolean known(String account, String address) {
        return jdbc.sql("select count(*) from login_known_address where account_key = ? and address = ? and last_success_at >= ?")
                .params(kind + ":" + account, address, OffsetDateTime.now(ZoneOffset.UTC).minus(policy.knownAddressKeep()))
                .query(Long.class).single() > 0;
    }

    private void remember(String account, String address) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String key = kind + ":" + account;
        int updated = jdbc.sql("update login_known_address set last_success_at = ? where account_key = ? and address = ?")
                .params(now, key, address).update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into login_known_address (account_key, address, last_success_at) values (?, ?, ?)")
                        .params(key, address, now).update();
            } catch (DuplicateKeyException raced) {
                // Another node remembered it at the same moment.
            }
        }
    }

    private static ApiException throttled(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        String zh = seconds < 60 ? seconds + "秒" : ((seconds + 59) / 60) + "分钟";
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "auth.throttled", "尝试次数过多，请" + zh + "后再试",
                "Too many attempts; try again in " + seconds + " s").retryAfter(wait);
    }

    private static BucketConfiguration config(int capacity, Duration window) {
        return BucketConfiguration.builder().addLimit(l -> l.capacity(capacity).refillGreedy(capacity, window)).build();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String abbreviate(String key, int length) {
        return key.length() > length ? key.substring(0, length) : key;
    }

    /** One login try whose failure tokens are reserved. */
    public final class Attempt {
        private final List<BucketProxy> buckets;
        private final String account;
        private final String address;
        private final long triesLeft;

        private Attempt(List<BucketProxy> buckets, String account, String address, long triesLeft) {
            this.buckets = buckets;
            this.account = account;
            this.address = address;
            this.triesLeft = triesLeft;
        }

        /** How many more failures this account may have from this address before it is throttled. */
        public long triesLeft() {
            return triesLeft;
        }

        /** The password was right: the try does not count, and the address becomes known for the account. */
        public void succeeded() {
            buckets.forEach(b -> b.addTokens(1));
            remember(account, address);
        }
    }

    /**
     * Limits of {@code examphoto.candidate.login.*} and {@code examphoto.staff.login.*}; the
     * defaults are the same for both.
     */
    public record Policy(@DefaultValue("5") int failuresPerPair, @DefaultValue("PT15M") Duration pairWindow,
                         @DefaultValue("20") int failuresPerAccount, @DefaultValue("PT1H") Duration accountWindow,
                         @DefaultValue("100") int failuresPerAddress, @DefaultValue("PT15M") Duration addressWindow,
                         @DefaultValue("P30D") Duration knownAddressKeep) {
    }
}
