package cn.gdeea.examphoto.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Opaque bearer tokens for the {@code Authorization} header, which suits a browser and a WeChat
 * mini-program alike (no cookies, so no CSRF). Only their SHA-256 is stored, in the database every
 * node shares, so any node can serve any request and a database reader cannot log in.
 */
@Service
public class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    public TokenService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A token for the principal, valid for {@code ttl}. */
    public String issue(AuthenticatedUser.Kind kind, long principalId, Duration ttl) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        jdbc.sql("insert into auth_token (token_hash, principal_kind, principal_id, expires_at) values (?, ?, ?, ?)")
                .params(hash(token), kind.name(), principalId, now().plus(ttl))
                .update();
        return token;
    }

    /** The principal a live token belongs to. */
    public Optional<TokenOwner> resolve(String token) {
        return jdbc.sql("select principal_kind, principal_id from auth_token where token_hash = ? and expires_at > ?")
                .params(hash(token), now())
                .query((rs, n) -> new TokenOwner(AuthenticatedUser.Kind.valueOf(rs.getString(1)), rs.getLong(2)))
                .optional();
    }

    public void revoke(String token) {
        jdbc.sql("delete from auth_token where token_hash = ?").param(hash(token)).update();
    }

    /** Ends every session of a principal, e.g. when a staff account is disabled. */
    public void revokeAll(AuthenticatedUser.Kind kind, long principalId) {
        jdbc.sql("delete from auth_token where principal_kind = ? and principal_id = ?")
                .params(kind.name(), principalId).update();
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void purgeExpired() {
        jdbc.sql("delete from auth_token where expires_at <= ?").param(now()).update();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The kind and id a token was issued to. */
    public record TokenOwner(AuthenticatedUser.Kind kind, long id) {
    }
}
