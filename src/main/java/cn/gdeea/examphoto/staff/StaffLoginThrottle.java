package cn.gdeea.examphoto.staff;

import cn.gdeea.examphoto.security.LoginThrottle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Throttles staff logins per username and address, per username and per address
 * ({@code examphoto.staff.login.*}), with the one policy of {@link LoginThrottle}.
 */
@Component
class StaffLoginThrottle {

    private final LoginThrottle throttle;

    StaffLoginThrottle(JdbcClient jdbc, Environment environment) {
        this.throttle = new LoginThrottle(jdbc, "staff", LoginThrottle.policy(environment, "examphoto.staff.login"));
    }

    /** Reserves the try's failure tokens before the password is checked, or answers 429. */
    LoginThrottle.Attempt reserve(String username, String address) {
        return throttle.reserve(username, address);
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT3M")
    void purge() {
        throttle.purgeExpired();
    }
}
