package cn.gdeea.examphoto.storage;

import cn.gdeea.examphoto.support.PhotoFixtures;
import cn.gdeea.examphoto.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context (H2, filesystem store) shared by the storage, retention and export
 * integration tests. Scheduled sweeps and purges are pushed out of the way; tests call them.
 */
@SpringBootTest(properties = {"examphoto.storage.sweep-initial-delay=P1D", "examphoto.retention.cron=-"})
@AutoConfigureMockMvc
public abstract class StorageIntegrationTest {

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected PhotoRecords photoRecords;

    @Autowired
    protected PhotoStorage storage;

    protected PhotoFixtures fixtures;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry);
    }

    @BeforeEach
    void fixtures() {
        fixtures = new PhotoFixtures(jdbc, photoRecords);
    }

    /** A registration point code no other test uses. */
    protected static String newPoint() {
        return "P" + Long.toString(System.nanoTime() % 100_000_000_000L, 36).toUpperCase();
    }
}
