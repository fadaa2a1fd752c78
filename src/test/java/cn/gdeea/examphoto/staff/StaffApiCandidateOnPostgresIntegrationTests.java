package cn.gdeea.examphoto.staff;

import cn.gdeea.examphoto.support.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The staff API's candidate records, corrections and dashboard on a real PostgreSQL server. */
class StaffApiCandidateOnPostgresIntegrationTests extends StaffApiCandidateContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.postgres(registry);
    }
}
