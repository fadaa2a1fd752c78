package cn.gdeea.examphoto.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's side of the append-only audit trail (PostgreSQL has a PL/pgSQL trigger): refuses every change. */
public final class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_log is append-only");
    }
}
