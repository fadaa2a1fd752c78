package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.security.LoginThrottle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Throttles candidate logins per candidate number and address, per number and per address
 * ({@code examphoto.candidate.login.*}), with the one policy of {@link LoginThrottle}.
 */
@Component
class CandidateLoginThrottle {

    private final LoginThrottle throttle;

    CandidateLoginThrottle(JdbcClient jdbc, Environment environment) {
        this.throttle = new LoginThrottle(jdbc, "candidate", LoginThrottle.policy(environment, "examphoto.candidate.login"));
    }

    /** Reserves the try's failure tokens before the password is checked, or answers 429. */
    LoginThrottle.Attempt reserve(String number, String address) {
        return throttle.reserve(number, address);
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
    void purge() {
        throttle.purgeExpired();
    }
}
