package cn.gdeea.examphoto.settings;

import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.face.Recogniser;
import cn.gdeea.examphoto.web.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Run-time settings: the admin's value from the database, else the configured default
 * ({@code examphoto.defaults.<key>}; for the threshold also {@code examphoto.verification.threshold},
 * else the configured recogniser's calibrated one),
 * else the built-in one. Read through a cache of a few seconds,
 * so a change made on one node reaches every node within {@link #REFRESH}.
 */
@Service
public class SettingsService {

    static final Duration REFRESH = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Environment environment;
    private volatile Map<Setting, String> cache = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    public SettingsService(JdbcClient jdbc, Environment environment) {
        this.jdbc = jdbc;
        this.environment = environment;
    }

    public String get(Setting setting) {
        return current().get(setting);
    }

    public int attemptLimit() {
        return Integer.parseInt(get(Setting.ATTEMPT_LIMIT));
    }

    public double verificationThreshold() {
        return Double.parseDouble(get(Setting.VERIFICATION_THRESHOLD));
    }

    public Pattern candidateNumberPattern() {
        return Pattern.compile(get(Setting.CANDIDATE_NUMBER_PATTERN));
    }

    /** Every setting with its effective value. */
    public Map<Setting, String> all() {
        return current();
    }

    /** Validates and stores an admin's value; the caller audits the change. */
    @Transactional
    public void update(Setting setting, String value, String actor) {
        String v = validate(setting, value);
        int updated = jdbc.sql("update setting set setting_value = ?, updated_at = ?, updated_by = ? where name = ?")
                .params(v, OffsetDateTime.now(ZoneOffset.UTC), actor, setting.key()).update();
        if (updated == 0) {
            jdbc.sql("insert into setting (name, setting_value, updated_at, updated_by) values (?, ?, ?, ?)")
                    .params(setting.key(), v, OffsetDateTime.now(ZoneOffset.UTC), actor).update();
        }
        loadedAt = Instant.EPOCH;
    }

    private static String validate(Setting setting, String value) {
        String v = value == null ? "" : value.trim();
        try {
            switch (setting.type()) {
                case INTEGER -> {
                    if (Integer.parseInt(v) < 1) {
                        throw new NumberFormatException();
                    }
                }
                case DECIMAL -> {
                    double d = Double.parseDouble(v);
                    if (!(d >= -1 && d <= 1)) {
                        throw new NumberFormatException();
                    }
                }
                case REGEX -> Pattern.compile(v);
                case TEXT -> {
                    if (v.isEmpty() || v.length() > 5000) {
                        throw new IllegalArgumentException();
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("settings.invalid_value", "设置值无效：" + setting.labelZh(),
                    "Invalid value for " + setting.labelEn());
        }
        return v;
    }

    /**
     * The configured recogniser's calibrated threshold: scores of different recognisers are on
     * different scales, so the built-in threshold follows {@code examphoto.face.recogniser}.
     */
    private String recogniserThreshold() {
        String named = environment.getProperty("examphoto.face.recogniser", "");
        Recogniser recogniser = named.isBlank() ? FaceEngine.DEFAULT_RECOGNISER : Recogniser.named(named);
        return Double.toString(recogniser.operatingThreshold());
    }

    private Map<Setting, String> current() {
        if (Instant.now().isAfter(loadedAt.plus(REFRESH))) {
            Map<Setting, String> values = new EnumMap<>(Setting.class);
            for (Setting s : Setting.values()) {
                String configured = s == Setting.VERIFICATION_THRESHOLD
                        ? environment.getProperty("examphoto.verification.threshold", recogniserThreshold()) : s.builtIn();
                values.put(s, environment.getProperty("examphoto.defaults." + s.key(), configured));
            }
            jdbc.sql("select name, setting_value from setting").query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                    .list().forEach(row -> Setting.byKey(row[0]).ifPresent(s -> values.put(s, row[1])));
            cache = Map.copyOf(values);
            loadedAt = Instant.now();
        }
        return cache;
    }
}
