package cn.gdeea.examphoto.dashboard;

import cn.gdeea.examphoto.security.AuthenticatedUser;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Collection over time: per calendar day (China Standard Time) how many candidates were collected
 * (采集成功) and how many manual-review submissions arrived, read from the candidate events.
 * Events are bucketed in Java so the same SQL runs on H2 and PostgreSQL whatever their session zone.
 */
@Service
public class DailySeries {

    static final int MAX_DAYS = 92;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    public DailySeries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The last {@code days} days up to today, oldest first, every day present (zeros included). */
    public List<Day> lastDays(AuthenticatedUser user, int days) {
        int span = Math.max(1, Math.min(days, MAX_DAYS));
        LocalDate today = LocalDate.now(CHINA);
        LocalDate first = today.minusDays(span - 1L);
        Map<LocalDate, long[]> buckets = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            buckets.put(d, new long[2]);
        }
        List<String> points = user.isAdmin() ? null : List.copyOf(user.pointCodes());
        if (points != null && points.isEmpty()) {
            return toDays(buckets);
        }
        // The event rows are few per candidate and the range is bounded by the (to_state, created_at) index.
        var query = jdbc.sql("""
                select e.to_state, e.created_at from candidate_event e
                where e.to_state in ('COLLECTED', 'MANUAL_PENDING') and e.created_at >= :since"""
                + (points == null ? "" : " and exists (select 1 from candidate c where c.id = e.candidate_id and c.point_code in (:points))"))
                .param("since", first.atStartOfDay(CHINA).toOffsetDateTime());
        if (points != null) {
            query = query.param("points", points);
        }
        query.query(rs -> {
            LocalDate day = rs.getObject(2, OffsetDateTime.class).atZoneSameInstant(CHINA).toLocalDate();
            long[] b = buckets.get(day);
            if (b != null) {
                b["COLLECTED".equals(rs.getString(1)) ? 0 : 1]++;
            }
        });
        return toDays(buckets);
    }

    private static List<Day> toDays(Map<LocalDate, long[]> buckets) {
        List<Day> days = new ArrayList<>();
        buckets.forEach((d, b) -> days.add(new Day(d, b[0], b[1])));
        return days;
    }

    /** One day: candidates collected and manual-review submissions received. */
    public record Day(LocalDate date, long collected, long manualSubmitted) {
    }
}
