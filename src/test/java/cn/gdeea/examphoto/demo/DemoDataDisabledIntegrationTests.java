package cn.gdeea.examphoto.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With {@code examphoto.demo.enabled=false} (production) nothing is seeded. */
@SpringBootTest
class DemoDataDisabledIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry);
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void createsNothingWhenDisabled() {
        assertThat(context.getBeansOfType(DemoData.class)).isEmpty();
        assertThat(jdbc.sql("select count(*) from candidate").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from staff_account").query(Long.class).single()).isZero();
    }
}
