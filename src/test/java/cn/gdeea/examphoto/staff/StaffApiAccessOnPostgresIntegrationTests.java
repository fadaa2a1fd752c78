package cn.gdeea.examphoto.staff;

import cn.gdeea.examphoto.support.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The staff API's login, authorisation and administration on a real PostgreSQL server. */
class StaffApiAccessOnPostgresIntegrationTests extends StaffApiAccessContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.postgres(registry);
    }
}
