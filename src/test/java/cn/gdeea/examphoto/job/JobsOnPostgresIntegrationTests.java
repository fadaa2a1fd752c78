package cn.gdeea.examphoto.job;

import cn.gdeea.examphoto.support.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link JobsContract} on the real PostgreSQL server. */
class JobsOnPostgresIntegrationTests extends JobsContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.postgres(registry);
    }
}
