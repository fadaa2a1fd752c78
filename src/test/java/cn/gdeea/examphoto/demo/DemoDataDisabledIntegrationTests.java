package cn.gdeea.examphoto.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Started as an operator starts the jar (no profile, no demo flag): nothing is seeded, there is no
 * account with a known password, and the first admin comes from {@code bin/examphoto create-admin}.
 */
@SpringBootTest
class DemoDataDisabledIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws java.io.IOException {
        // Not TestDatabase.h2, which switches the demo off itself: the defaults must do it.
        String name = "nodemo" + java.util.UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        java.nio.file.Path photos = java.nio.file.Files.createTempDirectory("examphoto-nodemo");
        registry.add("examphoto.storage.directory", photos::toString);
    }

    @Autowired
    cn.gdeea.examphoto.staff.AdminBootstrap admins;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void createsNothingWithoutTheDemoProfile() {
        assertThat(context.getEnvironment().getActiveProfiles()).isEmpty();
        assertThat(context.getBeansOfType(DemoData.class)).isEmpty();
        assertThat(admins.adminExists()).isFalse();
        assertThat(jdbc.sql("select count(*) from candidate").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from staff_account").query(Long.class).single()).isZero();
    }
}
