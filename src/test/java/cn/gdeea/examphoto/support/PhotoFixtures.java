package cn.gdeea.examphoto.support;

import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.security.TokenService;
import cn.gdeea.examphoto.storage.PhotoKind;
import cn.gdeea.examphoto.storage.PhotoRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Candidates, photos and submissions made with plain SQL and {@link PhotoRecords#store}, with real
 * face photos from {@link FaceData} read in place; staff and candidate tokens for web tests.
 */
public final class PhotoFixtures {

    private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000L);

    private final JdbcClient jdbc;
    private final PhotoRecords photos;
    private final List<byte[]> faces;

    public PhotoFixtures(JdbcClient jdbc, PhotoRecords photos) {
        this.jdbc = jdbc;
        this.photos = photos;
        Path folder = FaceData.requireFolder();
        try {
            this.faces = List.of(Files.readAllBytes(folder.resolve("deepface/img1.jpg")),
                    Files.readAllBytes(folder.resolve("deepface/img2.jpg")),
                    Files.readAllBytes(folder.resolve("deepface/img3.jpg")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real JPEG face photo (one of three). */
    public byte[] face(int i) {
        return faces.get(Math.floorMod(i, faces.size()));
    }

    public void point(String code, String city) {
        jdbc.sql("insert into registration_point (code, name, city, phone) values (?, ?, ?, '020-12345678')")
                .params(code, city + "报考点" + code, city).update();
    }

    /** A candidate with a 14-digit candidate number (digits 3-4 = 44) in the point. */
    public Candidate candidate(String pointCode, String name) {
        String number = String.format("26440%09d", NUMBERS.incrementAndGet() % 1_000_000_000L);
        String city = jdbc.sql("select city from registration_point where code = ?").param(pointCode).query(String.class).single();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into candidate (candidate_number, name, document_type, document_number, city, point_code, password_hash)
                values (?, ?, 'ID_CARD', '440106200801010011', ?, ?, 'x')""")
                .params(number, name, city, pointCode).update(key, "id");
        return new Candidate(key.getKey().longValue(), number, name, pointCode, city);
    }

    /** An upload and its standard photo in a submission; returns the submission id. */
    public Submission submission(Candidate candidate, int face, OffsetDateTime at) {
        return submission(candidate, face(face), face(face), at);
    }

    /** A submission of the given upload and standard photo bytes. */
    public Submission submission(Candidate candidate, byte[] uploadJpeg, byte[] standardJpeg, OffsetDateTime at) {
        long upload = photos.store(candidate.id(), PhotoKind.UPLOAD, uploadJpeg, "image/jpeg", null, null);
        long standard = photos.store(candidate.id(), PhotoKind.STANDARD, standardJpeg, "image/jpeg", 480, 640);
        if (at != null) {
            jdbc.sql("update photo set created_at = ? where id in (?, ?)").params(at, upload, standard).update();
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into submission (candidate_id, photo_id, standard_photo_id, checks_passed, check_report, descriptor, created_at)
                values (?, ?, ?, true, '{}', ?, ?)""")
                .params(candidate.id(), upload, standard, new byte[] {1, 2, 3, 4},
                        at != null ? at : OffsetDateTime.now()).update(key, "id");
        return new Submission(key.getKey().longValue(), upload, standard);
    }

    /** Collects the candidate with a fresh submission. */
    public Submission collected(Candidate candidate, int face) {
        Submission s = submission(candidate, face, null);
        collect(candidate, s);
        return s;
    }

    public void collect(Candidate candidate, Submission s) {
        jdbc.sql("update candidate set state = 'COLLECTED', collected_submission_id = ? where id = ?")
                .params(s.id(), candidate.id()).update();
        jdbc.sql("insert into candidate_event (candidate_id, from_state, to_state, actor) values (?, 'VERIFIED', 'COLLECTED', 'candidate')")
                .param(candidate.id()).update();
    }

    public String staffToken(TokenService tokens, AuthenticatedUser.Role role, String... points) {
        String username = role.name().toLowerCase() + NUMBERS.incrementAndGet();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into staff_account (username, display_name, password_hash, role) values (?, ?, 'x', ?)")
                .params(username, username, role.name()).update(key, "id");
        long id = key.getKey().longValue();
        for (String point : points) {
            jdbc.sql("insert into staff_point (staff_id, point_code) values (?, ?)").params(id, point).update();
        }
        return tokens.issue(AuthenticatedUser.Kind.STAFF, id, Duration.ofHours(1));
    }

    public String candidateToken(TokenService tokens, Candidate candidate) {
        return tokens.issue(AuthenticatedUser.Kind.CANDIDATE, candidate.id(), Duration.ofHours(1));
    }

    public record Candidate(long id, String number, String name, String pointCode, String city) {
    }

    public record Submission(long id, long uploadPhotoId, long standardPhotoId) {
    }
}
