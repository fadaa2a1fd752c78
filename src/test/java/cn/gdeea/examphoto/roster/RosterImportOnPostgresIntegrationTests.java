package cn.gdeea.examphoto.roster;

import cn.gdeea.examphoto.support.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The roster import on PostgreSQL (COPY into a staging table). */
class RosterImportOnPostgresIntegrationTests extends RosterImportContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.postgres(registry);
    }
}
