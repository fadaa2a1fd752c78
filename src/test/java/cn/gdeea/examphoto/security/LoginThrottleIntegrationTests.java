package cn.gdeea.examphoto.security;

import cn.gdeea.examphoto.support.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link LoginThrottleContract} on H2 (PostgreSQL mode). */
class LoginThrottleIntegrationTests extends LoginThrottleContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry);
    }
}
