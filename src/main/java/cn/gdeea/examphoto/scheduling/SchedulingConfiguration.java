package cn.gdeea.examphoto.scheduling;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The scheduled maintenance tasks (retention purge, orphan sweep, stalled-job check, token and
 * throttle clean-up). Every node schedules them; the ones that must run on one node at a time
 * take a lease in the {@code shedlock} table ({@code @SchedulerLock}), timed by the database's
 * clock so that nodes with drifting clocks agree. Off with {@code examphoto.scheduling.enabled=false},
 * as in the batch commands, which must never sweep or purge the store they share with the servers.
 */
@Configuration
@ConditionalOnProperty(name = "examphoto.scheduling.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class SchedulingConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
