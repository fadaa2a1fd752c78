package cn.gdeea.examphoto.candidate;

import cn.gdeea.examphoto.support.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link AttemptLimitContract} on H2 (PostgreSQL mode). */
class AttemptLimitIntegrationTests extends AttemptLimitContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry);
    }
}
