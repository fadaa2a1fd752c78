package cn.gdeea.examphoto.staff;

import cn.gdeea.examphoto.security.TokenService;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.support.FaceData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the staff API contracts share: one Spring configuration (including the login throttling
 * limits the login tests rely on), the points and accounts every test starts from, and the
 * request helpers. The database comes from each concrete class's {@code @DynamicPropertySource}.
 */
@SpringBootTest(properties = "examphoto.staff.login.failures-per-address=1000")
@AutoConfigureMockMvc
abstract class StaffApiContractBase {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;
    @Autowired PhotoRecords photos;
    @Autowired TokenService tokens;
    @Autowired PasswordEncoder encoder;
    @Autowired TransactionTemplate tx;

    StaffFixture fx;
    String pointA;
    String pointB;
    long reviewerA;
    long reviewerA2;
    long reviewerB;
    long admin;

    @BeforeEach
    void data() {
        fx = new StaffFixture(jdbc, photos, tokens, encoder, tx);
        pointA = fx.point("广州市");
        pointB = fx.point("深圳市");
        reviewerA = fx.staff("REVIEWER", pointA);
        reviewerA2 = fx.staff("REVIEWER", pointA);
        reviewerB = fx.staff("REVIEWER", pointB);
        admin = fx.staff("ADMIN");
    }

    // ---- helpers

    MockHttpServletRequestBuilder as(long staffId, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + fx.token(staffId));
    }

    static MockHttpServletRequestBuilder body(MockHttpServletRequestBuilder request, String content) {
        return request.contentType(MediaType.APPLICATION_JSON).content(content);
    }

    JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    String candidateState(long id) {
        return jdbc.sql("select state from candidate where id = ?").param(id).query(String.class).single();
    }

    static byte[] face() throws Exception {
        return Files.readAllBytes(FaceData.requireFolder().resolve("deepface/img1.jpg"));
    }
}
