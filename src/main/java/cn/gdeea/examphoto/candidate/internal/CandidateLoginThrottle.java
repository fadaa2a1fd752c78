package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.security.SharedBucketStore;
import cn.gdeea.examphoto.web.ApiException;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Throttles candidate logins (SPEC §9): per candidate number, {@code failures-per-number} failed
 * logins per {@code number-window}; per client address, {@code attempts-per-address} tries per
 * {@code address-window}. The buckets live in the shared database ({@link SharedBucketStore}), so
 * the limits hold across every node.
 */
@Component
class CandidateLoginThrottle {

    private final SharedBucketStore store;
    private final BucketConfiguration perNumber;
    private final BucketConfiguration perAddress;

    CandidateLoginThrottle(JdbcClient jdbc,
                  @Value("${examphoto.candidate.login.failures-per-number:5}") int failuresPerNumber,
                  @Value("${examphoto.candidate.login.number-window:PT15M}") Duration numberWindow,
                  @Value("${examphoto.candidate.login.attempts-per-address:30}") int attemptsPerAddress,
                  @Value("${examphoto.candidate.login.address-window:PT1M}") Duration addressWindow) {
        this.store = new SharedBucketStore(jdbc, numberWindow.plus(addressWindow).plusMinutes(5));
        this.perNumber = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(failuresPerNumber).refillGreedy(failuresPerNumber, numberWindow)).build();
        this.perAddress = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(attemptsPerAddress).refillGreedy(attemptsPerAddress, addressWindow)).build();
    }

    /** Counts a login try from the address and refuses it when the address or the number is throttled. */
    void admit(String number, String address) {
        ConsumptionProbe probe = address(address).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw throttled(probe.getNanosToWaitForRefill());
        }
        BucketProxy bucket = number(number);
        if (bucket.getAvailableTokens() < 1) {
            throw throttled(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
        }
    }

    /** Counts a failed login against the number; returns how many more failures it allows before the lockout. */
    long failed(String number) {
        ConsumptionProbe probe = number(number).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? probe.getRemainingTokens() : 0;
    }

    private BucketProxy number(String number) {
        return store.builder().build("number:" + abbreviate(number), () -> perNumber);
    }

    private BucketProxy address(String address) {
        return store.builder().build("address:" + abbreviate(address), () -> perAddress);
    }

    private static String abbreviate(String key) {
        String k = key == null ? "" : key;
        return k.length() > 100 ? k.substring(0, 100) : k;
    }

    private static ApiException throttled(long nanos) {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos) + 1);
        return new ThrottledException(seconds);
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
    void purge() {
        store.purgeExpired();
    }

    /** 429 with the seconds to wait, sent as {@code Retry-After}. */
    static final class ThrottledException extends ApiException {
        private final long retryAfterSeconds;

        ThrottledException(long retryAfterSeconds) {
            super(HttpStatus.TOO_MANY_REQUESTS, "auth.throttled", "尝试次数过多，请" + minutes(retryAfterSeconds) + "后再试",
                    "Too many attempts; try again in " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        private static String minutes(long seconds) {
            return seconds < 60 ? seconds + "秒" : ((seconds + 59) / 60) + "分钟";
        }
    }
}
