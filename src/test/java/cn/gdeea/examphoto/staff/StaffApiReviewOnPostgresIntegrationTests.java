package cn.gdeea.examphoto.staff;

import cn.gdeea.examphoto.support.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The staff API's review queue, claims and decisions on a real PostgreSQL server. */
class StaffApiReviewOnPostgresIntegrationTests extends StaffApiReviewContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.postgres(registry);
    }
}
