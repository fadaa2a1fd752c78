package cn.gdeea.examphoto.audit;

import cn.gdeea.examphoto.security.AuthenticatedUser;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The append-only trail of staff actions (审计日志). Entries are written in the caller's
 * transaction, so an action and its record commit together or not at all; the database refuses
 * updates and deletes of entries. Details must never contain an ID number in clear.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(AuthenticatedUser actor, String action, Long candidateId, String pointCode, String detail) {
        jdbc.sql("""
                insert into audit_log (created_at, actor_id, actor, action, candidate_id, point_code, detail)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(OffsetDateTime.now(ZoneOffset.UTC), actor == null ? null : actor.id(),
                        actor == null ? "system" : actor.actor(), action, candidateId, pointCode, detail)
                .update();
    }

    /** Newest first, optionally of one candidate. */
    public List<AuditEntry> recent(Long candidateId, int limit, long beforeId) {
        return recent(candidateId, null, null, limit, beforeId);
    }

    /**
     * Newest first, narrowed by candidate, action (prefix, e.g. {@code review.}) and actor (part of
     * the actor's name); null or blank means no narrowing.
     */
    public List<AuditEntry> recent(Long candidateId, String action, String actor, int limit, long beforeId) {
        String actionLike = action == null || action.isBlank() ? null : like(action.trim()) + "%";
        String actorLike = actor == null || actor.isBlank() ? null : "%" + like(actor.trim()) + "%";
        return jdbc.sql("""
                select id, created_at, actor, action, candidate_id, point_code, detail from audit_log
                where (cast(? as bigint) is null or candidate_id = ?) and id < ?
                  and (cast(? as varchar) is null or action like ? escape '\\')
                  and (cast(? as varchar) is null or actor like ? escape '\\')
                order by id desc limit ?""")
                .params(candidateId, candidateId, beforeId, actionLike, actionLike, actorLike, actorLike, limit)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3), rs.getString(4), (Long) rs.getObject(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    private static String like(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** One entry of the audit trail. */
    public record AuditEntry(long id, OffsetDateTime at, String actor, String action, Long candidateId,
                             String pointCode, String detail) {
    }
}
