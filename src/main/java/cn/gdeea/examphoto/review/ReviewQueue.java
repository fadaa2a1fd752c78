package cn.gdeea.examphoto.review;

import cn.gdeea.examphoto.identity.DocumentType;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.web.ApiException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The manual-review queue (人工审核队列) of a reviewer's registration points, oldest submission
 * first. A page is found in two steps: the ids by the queue index (point, status, submitted_at),
 * then the details of those few rows only, so the cost does not grow with the joins.
 */
@Service
public class ReviewQueue {

    static final Set<String> STATUSES = Set.of("AWAITING_MATERIALS", "PENDING", "APPROVED", "REJECTED", "CANCELLED");
    static final int MAX_SIZE = 100;

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public ReviewQueue(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Page page(AuthenticatedUser user, String status, String point, String city, int page, int size) {
        return page(user, status, point, city, Filter.NONE, page, size);
    }

    /**
     * A page of the queue narrowed by {@code filter}: document type, submission date range and a
     * search by candidate number (exact) or name (prefix).
     */
    public Page page(AuthenticatedUser user, String status, String point, String city, Filter filter, int page, int size) {
        if (!STATUSES.contains(status)) {
            throw ApiException.badRequest("request.invalid", "未知的审核状态", "Unknown review status");
        }
        int limit = Math.max(1, Math.min(size, MAX_SIZE));
        int offset = Math.max(0, page) * limit;
        List<String> points = user.pointFilter(point);
        if (city != null && !city.isBlank()) {
            List<String> ofCity = jdbc.sql("select code from registration_point where city = ?").param(city)
                    .query(String.class).list();
            points = points == null ? ofCity : points.stream().filter(ofCity::contains).toList();
        }
        if (points != null && points.isEmpty()) {
            return new Page(List.of(), 0, Math.max(0, page), limit);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("status", status);
        StringBuilder where = new StringBuilder("rc.status = :status");
        if (points != null) {
            where.append(" and rc.point_code in (:points)");
            params.put("points", points);
        }
        filter.appendTo(where, params);
        var ids = jdbc.sql("select rc.id from review_case rc where " + where
                        + " order by rc.submitted_at, rc.id limit :limit offset :offset")
                .params(params).param("limit", limit).param("offset", offset);
        var count = jdbc.sql("select count(*) from review_case rc where " + where).params(params);
        List<Long> pageIds = ids.query(Long.class).list();
        long total = count.query(Long.class).single();
        return new Page(items(user, pageIds), total, Math.max(0, page), limit);
    }

    private List<Item> items(AuthenticatedUser user, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<Long, Integer> order = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            order.put(ids.get(i), i);
        }
        List<Item> items = new ArrayList<>(jdbc.sql("""
                select rc.id, rc.candidate_id, c.candidate_number, c.name, c.document_type, rc.point_code, p.name, p.city,
                       rc.reason, rc.status, rc.submitted_at, rc.created_at, rc.claimed_by, s.username, s.display_name,
                       rc.claim_expires_at, sub.check_report,
                       (select va.score from verification_attempt va where va.candidate_id = rc.candidate_id
                         order by va.created_at desc, va.id desc limit 1)
                from review_case rc
                join candidate c on c.id = rc.candidate_id
                join registration_point p on p.code = rc.point_code
                left join staff_account s on s.id = rc.claimed_by
                left join submission sub on sub.id = rc.submission_id
                where rc.id in (:ids)""")
                .param("ids", ids)
                .query((rs, n) -> {
                    Long claimedBy = (Long) rs.getObject(13);
                    OffsetDateTime until = rs.getObject(16, OffsetDateTime.class);
                    Claim claim = claimedBy == null ? null : new Claim(rs.getString(14), rs.getString(15), until,
                            until != null && until.isAfter(now), claimedBy == user.id());
                    return new Item(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getObject(11, OffsetDateTime.class), rs.getObject(12, OffsetDateTime.class), claim,
                            (Double) rs.getObject(18), CheckReports.failed(json, rs.getString(17)));
                })
                .list());
        items.sort(Comparator.comparingInt(i -> order.get(i.id())));
        return items;
    }

    /** How many cases of the caller's points are in each status. */
    public Map<String, Long> counts(AuthenticatedUser user, String point) {
        List<String> points = user.pointFilter(point);
        Map<String, Long> counts = new java.util.TreeMap<>();
        STATUSES.forEach(s -> counts.put(s, 0L));
        if (points != null && points.isEmpty()) {
            return counts;
        }
        var query = jdbc.sql("select status, count(*) from review_case"
                + (points == null ? "" : " where point_code in (:points)") + " group by status");
        if (points != null) {
            query = query.param("points", points);
        }
        query.query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    /**
     * Optional narrowing of the queue; null or blank fields do not filter. Dates are calendar days
     * in China Standard Time, both ends included.
     */
    public record Filter(String documentType, LocalDate from, LocalDate to, String q) {

        public static final Filter NONE = new Filter(null, null, null, null);
        private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

        void appendTo(StringBuilder where, Map<String, Object> params) {
            if (documentType != null && !documentType.isBlank()) {
                // The roster may hold the code or the Chinese label of a document type: match both.
                String code = documentType.trim();
                List<String> values = DocumentType.parse(code).map(t -> List.of(t.name(), t.labelZh())).orElse(List.of(code));
                where.append(" and exists (select 1 from candidate fc where fc.id = rc.candidate_id and fc.document_type in (:documentTypes))");
                params.put("documentTypes", values);
            }
            if (from != null) {
                where.append(" and rc.submitted_at >= :from");
                params.put("from", from.atStartOfDay(CHINA).toOffsetDateTime());
            }
            if (to != null) {
                where.append(" and rc.submitted_at < :to");
                params.put("to", to.plusDays(1).atStartOfDay(CHINA).toOffsetDateTime());
            }
            if (q != null && !q.isBlank()) {
                String term = q.trim();
                if (term.length() > 40) {
                    throw ApiException.badRequest("request.invalid", "搜索内容过长", "The search term is too long");
                }
                where.append(" and exists (select 1 from candidate qc where qc.id = rc.candidate_id"
                        + " and (qc.candidate_number = :q or qc.name like :qName escape '\\'))");
                params.put("q", term);
                params.put("qName", term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
    }

    /** One page of the queue and how many cases match in all. */
    public record Page(List<Item> items, long total, int page, int size) {
    }

    /** Who holds a case and until when; {@code live} is false once the claim has expired. */
    public record Claim(String username, String displayName, OffsetDateTime until, boolean live, boolean mine) {
    }

    /** A queue row. */
    public record Item(long id, long candidateId, String candidateNumber, String name, String documentType,
                       String pointCode, String pointName, String city, String reason, String status,
                       OffsetDateTime submittedAt, OffsetDateTime createdAt, Claim claim, Double lastScore,
                       List<CheckReports.FailedCheck> failedChecks) {
    }
}
