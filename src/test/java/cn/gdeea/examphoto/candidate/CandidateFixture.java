package cn.gdeea.examphoto.candidate;

import cn.gdeea.examphoto.identity.RareCharacters;
import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.photo.evaluation.GuidePortraits;
import cn.gdeea.examphoto.storage.PhotoKind;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.support.FaceData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Candidates inserted with plain SQL (as the roster import would leave them) and the HTTP calls of
 * the candidate app. Photos: the reference is a real photo of the shared faces folder; uploads are
 * guide-compliant portraits made from other real photos ({@link GuidePortraits}).
 */
public final class CandidateFixture {

    public static final String PASSWORD = "Secret#2026";
    /** Reference photo and a portrait of the same person (deepface_p01), and of someone else (deepface_p03). */
    public static final String REFERENCE = "deepface/img1.jpg";
    public static final String GENUINE = "deepface/img6.jpg";
    public static final String IMPOSTOR = "deepface/img9.jpg";

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final Map<String, byte[]> PORTRAITS = new ConcurrentHashMap<>();
    private static String passwordHash;

    private final JdbcClient jdbc;
    private final PhotoRecords photos;
    private final TransactionTemplate tx;
    private final FaceEngine engine;
    private final TestRestTemplate http;
    private final ObjectMapper json = new ObjectMapper();

    public CandidateFixture(JdbcClient jdbc, PhotoRecords photos, TransactionTemplate tx, PasswordEncoder encoder,
                            FaceEngine engine, TestRestTemplate http) {
        this.jdbc = jdbc;
        this.photos = photos;
        this.tx = tx;
        this.engine = engine;
        this.http = http;
        synchronized (CandidateFixture.class) {
            if (passwordHash == null) {
                passwordHash = encoder.encode(PASSWORD);
            }
        }
    }

    /** A registered ID-card candidate with {@code reference} (relative to the faces folder) as reference photo. */
    public Candidate candidate(String name, String documentType, String reference) {
        String number = String.format("26440%09d", SEQUENCE.incrementAndGet() % 1_000_000_000L);
        return tx.execute(t -> {
            jdbc.sql("insert into registration_point (code, name, city, phone) select 'P4401', '广州市第一报考点', '广州市', '020-12345678' "
                    + "where not exists (select 1 from registration_point where code = 'P4401')").update();
            jdbc.sql("""
                    insert into candidate (candidate_number, name, document_type, document_number, city, point_code, password_hash, rare_name)
                    values (?, ?, ?, ?, '广州市', 'P4401', ?, ?)""")
                    .params(number, name, documentType, "44010620080101001X", passwordHash, RareCharacters.containsRare(name))
                    .update();
            long id = jdbc.sql("select id from candidate where candidate_number = ?").param(number).query(Long.class).single();
            if (reference != null) {
                byte[] bytes = read(FaceData.requireFolder().resolve(reference));
                long photoId = photos.store(id, PhotoKind.REFERENCE, bytes, "image/jpeg", null, null);
                jdbc.sql("update candidate set reference_photo_id = ? where id = ?").params(photoId, id).update();
            }
            return new Candidate(id, number);
        });
    }

    /** A guide-compliant portrait JPEG of the person in {@code source}. */
    public byte[] portrait(String source) {
        return PORTRAITS.computeIfAbsent(source, s -> GuidePortraits.jpeg(s, 0, engine)
                .orElseThrow(() -> new IllegalStateException("no portrait from " + s)));
    }

    public String login(Candidate c) {
        ResponseEntity<String> r = post("/api/candidate/session", null,
                Map.of("candidateNumber", c.number(), "password", PASSWORD, "agreementAccepted", true));
        if (!r.getStatusCode().is2xxSuccessful()) {
            throw new IllegalStateException("login failed: " + r.getStatusCode() + " " + r.getBody());
        }
        return tree(r).get("token").asText();
    }

    public ResponseEntity<String> post(String path, String token, Object body) {
        return post(path, token, body, null);
    }

    /** A POST with an {@code Idempotency-Key}, as the app sends it (and sends again on a retry). */
    public ResponseEntity<String> post(String path, String token, Object body, String idempotencyKey) {
        HttpHeaders headers = headers(token);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    public ResponseEntity<String> get(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(token)), String.class);
    }

    public ResponseEntity<byte[]> getBytes(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(token)), byte[].class);
    }

    public ResponseEntity<String> upload(String path, String token, byte[] bytes, String fileName, String contentType) {
        return upload(path, token, bytes, fileName, contentType, null);
    }

    public ResponseEntity<String> upload(String path, String token, byte[] bytes, String fileName, String contentType,
                                         String idempotencyKey) {
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.parseMediaType(contentType));
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new HttpEntity<>(new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, part));
        HttpHeaders headers = headers(token);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    public JsonNode tree(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpHeaders headers(String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return headers;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An inserted candidate. */
    public record Candidate(long id, String number) {
    }
}
