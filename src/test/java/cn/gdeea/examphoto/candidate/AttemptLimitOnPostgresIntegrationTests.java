package cn.gdeea.examphoto.candidate;

import cn.gdeea.examphoto.support.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link AttemptLimitContract} on the real PostgreSQL server. */
class AttemptLimitOnPostgresIntegrationTests extends AttemptLimitContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.postgres(registry);
    }
}
