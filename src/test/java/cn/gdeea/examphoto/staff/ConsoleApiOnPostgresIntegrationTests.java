package cn.gdeea.examphoto.staff;

import cn.gdeea.examphoto.support.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The console's API additions on the PostgreSQL. */
class ConsoleApiOnPostgresIntegrationTests extends ConsoleApiContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.postgres(registry);
    }
}
