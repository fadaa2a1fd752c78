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
        return jdbc.sql("""
                select id, created_at, actor, action, candidate_id, point_code, detail from audit_log
                where (cast(? as bigint) is null or candidate_id = ?) and id < ?
                order by id desc limit ?""")
                .params(candidateId, candidateId, beforeId, limit)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3), rs.getString(4), (Long) rs.getObject(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    /** One entry of the audit trail. */
    public record AuditEntry(long id, OffsetDateTime at, String actor, String action, Long candidateId,
                             String pointCode, String detail) {
    }
}
