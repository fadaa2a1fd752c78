package cn.gdeea.examphoto.demo;

import cn.gdeea.examphoto.identity.IdNumber;
import cn.gdeea.examphoto.job.Jobs;
import cn.gdeea.examphoto.roster.ReferencePhotos;
import cn.gdeea.examphoto.roster.RosterImports;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Demo data for trying the system out ({@code examphoto.demo.enabled=true}; never in production):
 * on start-up with an empty roster, three registration points in two cities, one candidate per
 * path (ID card with and without reference photo, passport, 生僻字 name) and staff accounts, all
 * with known passwords, printed once at start-up. The roster goes through the real import.
 * {@code examphoto.demo.reference-photo=/path/me.jpg} gives the ID-card candidate a reference
 * photo of the person trying the demo (no photo ships with the project).
 */
@Component
@ConditionalOnProperty(name = "examphoto.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String CANDIDATE_PASSWORD = "Kaosheng2026";
    static final String ADMIN_PASSWORD = "Admin2026!";
    static final String REVIEWER_PASSWORD = "Review2026!";

    /** One demo candidate; {@code path} says which journey it shows. */
    record DemoCandidate(String number, String name, String documentType, String document, String city,
                         String point, String path) {
    }

    record DemoPoint(String code, String name, String city, String phone) {
    }

    static final List<DemoPoint> POINTS = List.of(
            new DemoPoint("440101", "广州市越秀区招生办报考点", "广州市", "020-83331234"),
            new DemoPoint("440106", "广州市天河区招生办报考点", "广州市", "020-38621234"),
            new DemoPoint("440304", "深圳市福田区招生办报考点", "深圳市", "0755-82901234"));

    static final List<DemoCandidate> CANDIDATES = List.of(
            new DemoCandidate("26440101000001", "陈晓明", "居民身份证", "440103200801011213", "广州市", "440101",
                    "身份证 + 参考照片（人证核验） ID card with reference photo"),
            new DemoCandidate("26440106000002", "王小红", "居民身份证", "440106200805207896", "广州市", "440106",
                    "身份证，无参考照片 ID card, no reference photo"),
            new DemoCandidate("26440304000003", "张䶮", "居民身份证", "440304200712154527", "深圳市", "440304",
                    "生僻字姓名 rare-character name"),
            new DemoCandidate("26440304000004", "李安娜", "护照", "E12345678", "深圳市", "440304",
                    "护照（人工审核） passport, manual review"));

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final JdbcClient jdbc;
    private final RosterImports imports;
    private final Jobs jobs;
    private final PasswordEncoder passwords;
    private final Environment environment;
    private final PrintStream out;

    DemoData(JdbcClient jdbc, RosterImports imports, Jobs jobs, PasswordEncoder passwords, Environment environment) {
        this.jdbc = jdbc;
        this.imports = imports;
        this.jobs = jobs;
        this.passwords = passwords;
        this.environment = environment;
        this.out = System.out;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Path photo = referencePhoto();
        long candidates = jdbc.sql("select count(*) from candidate").query(Long.class).single();
        if (candidates > 0 && !isDemoRoster()) {
            // A real roster: never add accounts with published passwords to it.
            log.warn("examphoto.demo.enabled=true but the roster is not the demo roster; no demo data added");
            return;
        }
        if (candidates == 0) {
            importRoster(CANDIDATES, photo);
            log.info("Demo roster created");
        } else if (photo != null && withoutReference(CANDIDATES.get(0).number())) {
            importRoster(List.of(CANDIDATES.get(0)), photo);
            log.info("Demo reference photo attached");
        }
        createStaff();
        print(photo);
    }

    private Path referencePhoto() {
        String value = environment.getProperty("examphoto.demo.reference-photo", "");
        if (value.isBlank()) {
            return null;
        }
        Path path = Path.of(value).toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            log.warn("examphoto.demo.reference-photo is not a file; the demo candidate gets no reference photo");
            return null;
        }
        return path;
    }

    private boolean isDemoRoster() {
        return jdbc.sql("select count(*) from candidate where candidate_number = ?")
                .param(CANDIDATES.get(0).number()).query(Long.class).single() > 0;
    }

    private boolean withoutReference(String candidateNumber) {
        return jdbc.sql("select count(*) from candidate where candidate_number = ? and reference_photo_id is null")
                .param(candidateNumber).query(Long.class).single() > 0;
    }

    private void importRoster(List<DemoCandidate> candidates, Path photo) throws IOException {
        Path csv = Files.createTempFile("demo-roster", ".csv");
        try {
            StringBuilder text = new StringBuilder("考生号,姓名,证件类型,证件号码,城市,报考点代码,报考点名称,报考点电话,密码,参考照片\n");
            for (DemoCandidate c : candidates) {
                DemoPoint p = POINTS.stream().filter(x -> x.code().equals(c.point())).findFirst().orElseThrow();
                String reference = photo != null && c == CANDIDATES.get(0) ? photo.getFileName().toString() : "";
                text.append(String.join(",", c.number(), c.name(), c.documentType(), c.document(), c.city(), p.code(),
                        p.name(), p.phone(), CANDIDATE_PASSWORD, reference)).append('\n');
            }
            Files.writeString(csv, text, StandardCharsets.UTF_8);
            RosterImports.CheckedFile checked = imports.check(csv, "demo-roster.csv");
            try (ReferencePhotos photos = photo == null ? ReferencePhotos.NONE : imports.openPhotos(photo.getParent())) {
                Jobs.JobStatus job = jobs.runNow(RosterImports.JOB_KIND, "demo", p -> imports.run(checked, photos, p));
                if (!"SUCCEEDED".equals(job.status()) || job.reportKey() != null) {
                    log.warn("Demo roster import {} ended {} (see its report)", job.id(), job.status());
                }
            }
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private void createStaff() {
        createAccount("admin", "省考试院管理员（演示）", ADMIN_PASSWORD, "ADMIN", null);
        for (DemoPoint p : POINTS) {
            createAccount("reviewer-" + p.code(), p.name() + " 审核员（演示）", REVIEWER_PASSWORD, "REVIEWER", p.code());
        }
    }

    private void createAccount(String username, String displayName, String password, String role, String point) {
        boolean exists = jdbc.sql("select count(*) from staff_account where username = ?").param(username)
                .query(Long.class).single() > 0;
        if (exists) {
            return;
        }
        try {
            jdbc.sql("insert into staff_account (username, display_name, password_hash, role) values (?, ?, ?, ?)")
                    .params(username, displayName, passwords.encode(password), role).update();
        } catch (DuplicateKeyException raced) {
            return;
        }
        if (point != null) {
            long id = jdbc.sql("select id from staff_account where username = ?").param(username).query(Long.class).single();
            jdbc.sql("insert into staff_point (staff_id, point_code) values (?, ?)").params(id, point).update();
        }
    }

    private void print(Path photo) {
        StringBuilder b = new StringBuilder();
        b.append("\n================ 演示账号 DEMO LOGINS (examphoto.demo.enabled=true) ================\n");
        b.append("考生 Candidates (password ").append(CANDIDATE_PASSWORD).append("):\n");
        for (DemoCandidate c : CANDIDATES) {
            b.append(String.format("  %s  %s  %s %s  %s%n", c.number(), c.name(), c.documentType(),
                    IdNumber.mask(c.document()), c.path()));
        }
        b.append(photo != null ? "  参考照片 reference photo of " + CANDIDATES.get(0).number() + ": " + photo.getFileName() + "\n"
                : "  " + CANDIDATES.get(0).number() + " has no reference photo yet: restart with "
                + "--examphoto.demo.reference-photo=/path/to/your-photo.jpg to verify against yourself\n");
        b.append("工作人员 Staff:\n");
        b.append("  admin  / ").append(ADMIN_PASSWORD).append("  管理员 ADMIN\n");
        for (DemoPoint p : POINTS) {
            b.append("  reviewer-").append(p.code()).append(" / ").append(REVIEWER_PASSWORD).append("  审核员 REVIEWER ")
                    .append(p.name()).append('\n');
        }
        b.append("=====================================================================================\n");
        out.print(b);
    }
}
