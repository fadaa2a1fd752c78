package cn.gdeea.examphoto.security;

import cn.gdeea.examphoto.support.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link LoginThrottleContract} on the real PostgreSQL server. */
class LoginThrottleOnPostgresIntegrationTests extends LoginThrottleContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.postgres(registry);
    }
}
