package cn.gdeea.examphoto.dashboard;

import cn.gdeea.examphoto.candidate.CandidateState;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Collection progress (采集进度) by state, city and registration point. One grouped query over
 * {@code candidate (point_code, state)} — an index-only scan — gives every figure; cities are
 * the points' cities, so no second pass over the candidates is needed.
 */
@Service
public class Dashboard {

    private final JdbcClient jdbc;

    public Dashboard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Progress progress(AuthenticatedUser user) {
        List<String> points = user.isAdmin() ? null : List.copyOf(user.pointCodes());
        Map<String, PointInfo> info = new LinkedHashMap<>();
        var pointQuery = jdbc.sql("select code, name, city from registration_point"
                + (points == null ? "" : " where code in (:points)") + " order by city, code");
        if (points != null) {
            if (points.isEmpty()) {
                return new Progress(counts(), 0, List.of(), List.of());
            }
            pointQuery = pointQuery.param("points", points);
        }
        pointQuery.query(rs -> {
            info.put(rs.getString(1), new PointInfo(rs.getString(1), rs.getString(2), rs.getString(3)));
        });
        var byPointState = jdbc.sql("select point_code, state, count(*) from candidate"
                + (points == null ? "" : " where point_code in (:points)") + " group by point_code, state");
        var pending = jdbc.sql("select point_code, count(*) from review_case where status = 'PENDING'"
                + (points == null ? "" : " and point_code in (:points)") + " group by point_code");
        if (points != null) {
            byPointState = byPointState.param("points", points);
            pending = pending.param("points", points);
        }
        Map<String, Map<CandidateState, Long>> perPoint = new TreeMap<>();
        byPointState.query(rs -> {
            perPoint.computeIfAbsent(rs.getString(1), k -> counts()).merge(CandidateState.valueOf(rs.getString(2)),
                    rs.getLong(3), Long::sum);
        });
        Map<String, Long> pendingPerPoint = new TreeMap<>();
        pending.query(rs -> {
            pendingPerPoint.put(rs.getString(1), rs.getLong(2));
        });

        Map<CandidateState, Long> overall = counts();
        Map<String, Row> cities = new TreeMap<>();
        List<Row> pointRows = new ArrayList<>();
        for (PointInfo p : info.values()) {
            Map<CandidateState, Long> c = perPoint.getOrDefault(p.code(), counts());
            long pend = pendingPerPoint.getOrDefault(p.code(), 0L);
            pointRows.add(new Row(p.code(), p.name(), p.city(), c, total(c), pend));
            c.forEach((s, n) -> overall.merge(s, n, Long::sum));
            Row city = cities.computeIfAbsent(p.city(), k -> new Row(k, k, k, counts(), 0, 0));
            c.forEach((s, n) -> city.byState().merge(s, n, Long::sum));
            cities.put(p.city(), new Row(p.city(), p.city(), p.city(), city.byState(), total(city.byState()),
                    city.pendingReviews() + pend));
        }
        long pendingTotal = pendingPerPoint.entrySet().stream().filter(e -> info.containsKey(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        return new Progress(overall, pendingTotal, new ArrayList<>(cities.values()), pointRows);
    }

    private static Map<CandidateState, Long> counts() {
        Map<CandidateState, Long> m = new EnumMap<>(CandidateState.class);
        for (CandidateState s : CandidateState.values()) {
            m.put(s, 0L);
        }
        return m;
    }

    private static long total(Map<CandidateState, Long> c) {
        return c.values().stream().mapToLong(Long::longValue).sum();
    }

    private record PointInfo(String code, String name, String city) {
    }

    /** Counts overall, per city and per registration point, and the review cases waiting. */
    public record Progress(Map<CandidateState, Long> overall, long pendingReviews, List<Row> cities, List<Row> points) {
    }

    /** One city's or point's counts by state. For a city, code and name are the city. */
    public record Row(String code, String name, String city, Map<CandidateState, Long> byState, long total,
                      long pendingReviews) {
    }
}
