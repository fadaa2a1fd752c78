package cn.gdeea.examphoto.staff;

import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.security.TokenService;
import cn.gdeea.examphoto.storage.PhotoKind;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.support.FaceData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test data for the staff API, written with plain SQL as the roster import and the candidate
 * journey would leave it: points, staff, candidates, photos (real faces, read in place),
 * submissions, attempts and review cases.
 */
public final class StaffFixture {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    private final JdbcClient jdbc;
    private final PhotoRecords photos;
    private final TokenService tokens;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;

    public StaffFixture(JdbcClient jdbc, PhotoRecords photos, TokenService tokens, PasswordEncoder encoder, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.photos = photos;
        this.tokens = tokens;
        this.encoder = encoder;
        this.tx = tx;
    }

    public String point(String city) {
        String code = "P" + SEQ.incrementAndGet();
        jdbc.sql("insert into registration_point (code, name, city, phone) values (?, ?, ?, ?)")
                .params(code, city + "报考点" + code, city, "020-1234567").update();
        return code;
    }

    /** A staff account with a known password ("password-" + username), returns its id. */
    public long staff(String role, String... points) {
        String username = role.toLowerCase() + SEQ.incrementAndGet();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into staff_account (username, display_name, password_hash, role) values (?, ?, ?, ?)")
                .params(username, "审核员" + username, encoder.encode("password-" + username), role).update(key, "id");
        long id = key.getKey().longValue();
        for (String p : points) {
            jdbc.sql("insert into staff_point (staff_id, point_code) values (?, ?)").params(id, p).update();
        }
        return id;
    }

    public String username(long staffId) {
        return jdbc.sql("select username from staff_account where id = ?").param(staffId).query(String.class).single();
    }

    public String token(long staffId) {
        return tokens.issue(AuthenticatedUser.Kind.STAFF, staffId, Duration.ofHours(1));
    }

    public String candidateToken(long candidateId) {
        return tokens.issue(AuthenticatedUser.Kind.CANDIDATE, candidateId, Duration.ofHours(1));
    }

    public long candidate(String point, String documentType, String documentNumber, String state) {
        String number = String.format("26%012d", SEQ.incrementAndGet());
        number = number.substring(0, 2) + "44" + number.substring(4);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into candidate (candidate_number, name, document_type, document_number, city, point_code, password_hash, state)
                values (?, ?, ?, ?, (select city from registration_point where code = ?), ?, 'x', ?)""")
                .params(number, "张三" + number.substring(10), documentType, documentNumber, point, point, state)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public long photo(long candidateId, PhotoKind kind) {
        try {
            byte[] bytes = Files.readAllBytes(FaceData.requireFolder().resolve("deepface/img1.jpg"));
            return tx.execute(s -> photos.store(candidateId, kind, bytes, "image/jpeg", null, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long submission(long candidateId, long photoId, String checkReport) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into submission (candidate_id, photo_id, checks_passed, check_report) values (?, ?, ?, ?)")
                .params(candidateId, photoId, false, checkReport).update(key, "id");
        return key.getKey().longValue();
    }

    public void attempt(long candidateId, long submissionId, int no, double score) {
        jdbc.sql("""
                insert into verification_attempt (candidate_id, submission_id, attempt_no, score, matched, threshold, reason, verifier, created_at)
                values (?, ?, ?, ?, false, 0.45, 'NOT_MATCHED', 'embedded', ?)""")
                .params(candidateId, submissionId, no, score, OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(no)).update();
    }

    /** A candidate with materials sent (MANUAL_PENDING) and a PENDING case with every photo. */
    public Case pendingCase(String point) {
        long candidate = candidate(point, "ID_CARD", "11010519491231002X", "MANUAL_PENDING");
        long portrait = photo(candidate, PhotoKind.UPLOAD);
        long submission = submission(candidate, portrait,
                "{\"pass\":false,\"checks\":[{\"id\":\"glasses\",\"pass\":false,\"message\":\"请摘下眼镜\"},{\"id\":\"sharpness\",\"pass\":true}]}");
        attempt(candidate, submission, 1, 0.31);
        attempt(candidate, submission, 2, 0.38);
        long idPortrait = photo(candidate, PhotoKind.ID_PORTRAIT);
        long idEmblem = photo(candidate, PhotoKind.ID_EMBLEM);
        long handHeld = photo(candidate, PhotoKind.HAND_HELD);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into review_case (candidate_id, point_code, reason, status, submission_id, id_portrait_photo_id,
                  id_emblem_photo_id, hand_held_photo_id, submitted_at)
                values (?, ?, 'ATTEMPTS_EXHAUSTED', 'PENDING', ?, ?, ?, ?, ?)""")
                .params(candidate, point, submission, idPortrait, idEmblem, handHeld, OffsetDateTime.now(ZoneOffset.UTC))
                .update(key, "id");
        return new Case(key.getKey().longValue(), candidate, submission, portrait, idPortrait);
    }

    public long awaitingCase(long candidateId, String point, String reason) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into review_case (candidate_id, point_code, reason, status) values (?, ?, ?, 'AWAITING_MATERIALS')")
                .params(candidateId, point, reason).update(key, "id");
        return key.getKey().longValue();
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A pending case and its parts. */
    public record Case(long id, long candidateId, long submissionId, long portraitPhotoId, long idPortraitPhotoId) {
    }
}
