package cn.gdeea.examphoto.job;

import cn.gdeea.examphoto.support.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link JobsContract} on H2. */
class JobsIntegrationTests extends JobsContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry);
    }
}
