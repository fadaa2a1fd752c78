package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.security.LoginThrottle;
import cn.gdeea.examphoto.security.TokenService;
import cn.gdeea.examphoto.web.ApiError;
import cn.gdeea.examphoto.web.ApiException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Candidate login (考生登录) and logout. */
@Service
class Sessions {

    private final Candidates candidates;
    private final PasswordEncoder passwords;
    private final TokenService tokens;
    private final CandidateLoginThrottle throttle;
    private final Profile profile;
    private final Duration ttl;
    /** Compared against when the number is unknown, so that both answers take one bcrypt check. */
    private final String dummyHash;

    Sessions(Candidates candidates, PasswordEncoder passwords, TokenService tokens, CandidateLoginThrottle throttle,
             Profile profile, @Value("${examphoto.candidate.token-ttl:PT12H}") Duration ttl) {
        this.candidates = candidates;
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
        this.profile = profile;
        this.ttl = ttl;
        this.dummyHash = passwords.encode(UUID.randomUUID().toString());
    }

    Session login(String number, String password, boolean agreementAccepted, String address) {
        if (!agreementAccepted) {
            throw ApiException.badRequest("auth.agreement_required", "请阅读并同意《本次考试采集相关条例》",
                    "Please read and accept the agreement");
        }
        String n = number.trim();
        LoginThrottle.Attempt attempt = throttle.reserve(n, address);
        Optional<CandidateRow> found = candidates.byNumber(n);
        boolean matches = passwords.matches(password, found.map(CandidateRow::passwordHash).orElse(dummyHash));
        if (found.isEmpty() || !matches) {
            long triesLeft = attempt.triesLeft();
            // The tries left are told before the lockout, not after it: a candidate who knows stops guessing.
            throw new ApiException(HttpStatus.UNAUTHORIZED, "auth.bad_credentials",
                    triesLeft > 0 ? "考生号或密码错误，还可尝试 " + triesLeft + " 次" : "考生号或密码错误，尝试次数已用完，请稍后再试",
                    triesLeft > 0 ? "Wrong candidate number or password; " + triesLeft + (triesLeft == 1 ? " try" : " tries") + " left"
                            : "Wrong candidate number or password; no tries left, try again later",
                    List.of(new ApiError.Detail("triesLeft", Long.toString(triesLeft))));
        }
        attempt.succeeded();
        long id = found.get().id();
        String token = tokens.issue(AuthenticatedUser.Kind.CANDIDATE, id, ttl);
        return new Session(token, OffsetDateTime.now(ZoneOffset.UTC).plus(ttl), profile.me(id));
    }

    void logout(String token) {
        tokens.revoke(token);
    }

    /** A new session: the bearer token, when it expires, and the candidate. */
    record Session(String token, OffsetDateTime expiresAt, Profile.Me me) {
    }
}
