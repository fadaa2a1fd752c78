package cn.gdeea.examphoto.roster.internal;

import cn.gdeea.examphoto.candidate.CandidateAdministration;
import cn.gdeea.examphoto.storage.PhotoKind;
import cn.gdeea.examphoto.storage.PhotoRecords;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a chunk of valid rows in one transaction: rows into a temporary staging table (COPY on
 * PostgreSQL, JDBC batches on H2), then registration points and candidates are upserted by their
 * codes in one statement each. Only roster columns are touched, so a candidate's journey state and
 * attempts survive a re-import.
 */
@Component
public class RosterWriter {

    private static final String STAGING_COLUMNS = """
            (row_no bigint, candidate_number varchar(32), name varchar(100), document_type varchar(24),
             document_number varchar(40), city varchar(40), point_code varchar(16), password_hash varchar(100),
             rare_name boolean)""";
    private static final String INSERT_COLUMNS =
            "row_no, candidate_number, name, document_type, document_number, city, point_code, password_hash, rare_name";

    private static final String POINT_POSTGRES = """
            insert into registration_point (code, name, city, phone) values (?, ?, ?, ?)
            on conflict (code) do update set name = excluded.name, city = excluded.city,
                phone = case when excluded.phone = '' then registration_point.phone else excluded.phone end""";

    private static final String POINT_H2 = """
            merge into registration_point p using (values (cast(? as varchar), cast(? as varchar), cast(? as varchar), cast(? as varchar))) v (code, name, city, phone)
            on p.code = v.code
            when matched then update set name = v.name, city = v.city,
                phone = case when v.phone = '' then p.phone else v.phone end
            when not matched then insert (code, name, city, phone) values (v.code, v.name, v.city, v.phone)""";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PhotoRecords photos;
    private final CandidateAdministration candidates;
    private volatile Boolean postgres;

    public RosterWriter(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactionManager,
                        PhotoRecords photos, CandidateAdministration candidates) {
        this.candidates = candidates;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.photos = photos;
    }

    /** What a chunk did. */
    public record ChunkResult(long inserted, long updated, long rejected, long photos) {
    }

    /** The registration point codes in the database. */
    public Set<String> pointCodes() {
        return new java.util.HashSet<>(jdbc.sql("select code from registration_point").query(String.class).list());
    }

    /** Writes the rows; rows that cannot be written (a new candidate without a password) are reported. */
    public ChunkResult write(List<RosterRow> rows, Consumer<RowError> errors) {
        if (rows.isEmpty()) {
            return new ChunkResult(0, 0, 0, 0);
        }
        return transactions.execute(status -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                boolean pg = isPostgres(connection);
                createStaging(connection, pg);
                if (pg) {
                    copy(connection, rows);
                } else {
                    batch(connection, rows);
                }
                if (pg) {
                    // Temporary tables are never auto-analysed; without statistics the joins below
                    // would be planned for an empty table.
                    jdbc.sql("analyze roster_staging").update();
                }
                long[] counts = jdbc.sql("""
                        select count(*), count(c.id), count(case when s.password_hash is null and c.id is null then 1 end)
                        from roster_staging s left join candidate c on c.candidate_number = s.candidate_number""")
                        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
                long rejected = counts[2] == 0 ? 0 : rejectNewWithoutPassword(rows, errors);
                long existing = counts[1];
                long total = counts[0] - rejected;
                upsertPoints(connection, rows, pg);
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                candidates.mergeRosterStaging(pg, now);
                long stored = storePhotos(rows);
                if (!pg) {
                    jdbc.sql("delete from roster_staging").update();
                }
                return new ChunkResult(total - existing, existing, rejected, stored);
            } catch (SQLException e) {
                throw new IllegalStateException("roster chunk failed: SQL state " + e.getSQLState(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });
    }

    private boolean isPostgres(Connection connection) throws SQLException {
        if (postgres == null) {
            postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
        return postgres;
    }

    private static void createStaging(Connection connection, boolean pg) throws SQLException {
        try (Statement s = connection.createStatement()) {
            // Session-local, so imports on several nodes never see each other's rows.
            s.execute(pg ? "create temporary table if not exists roster_staging " + STAGING_COLUMNS + " on commit delete rows"
                    : "create local temporary table if not exists roster_staging " + STAGING_COLUMNS + " transactional");
        }
    }

    private static void copy(Connection connection, List<RosterRow> rows) throws SQLException, IOException {
        StringBuilder csv = new StringBuilder(rows.size() * 160);
        for (RosterRow r : rows) {
            csv.append(r.rowNumber).append(',');
            quote(csv, r.candidateNumber).append(',');
            quote(csv, r.name).append(',');
            quote(csv, r.documentType.name()).append(',');
            quote(csv, r.documentNumber).append(',');
            quote(csv, r.city).append(',');
            quote(csv, r.pointCode).append(',');
            quote(csv, r.passwordHash).append(',');
            csv.append(r.rareName).append('\n');
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn("copy roster_staging (" + INSERT_COLUMNS + ") from stdin with (format csv)", new StringReader(csv.toString()));
    }

    /** CSV for COPY: every value quoted, a null left empty and unquoted. */
    private static StringBuilder quote(StringBuilder out, String value) {
        if (value == null) {
            return out;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        return out.append('"');
    }

    private static void batch(Connection connection, List<RosterRow> rows) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "insert into roster_staging (" + INSERT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (RosterRow r : rows) {
                ps.setLong(1, r.rowNumber);
                ps.setString(2, r.candidateNumber);
                ps.setString(3, r.name);
                ps.setString(4, r.documentType.name());
                ps.setString(5, r.documentNumber);
                ps.setString(6, r.city);
                ps.setString(7, r.pointCode);
                ps.setString(8, r.passwordHash);
                ps.setBoolean(9, r.rareName);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** A new candidate needs an initial password; only an update may leave it out. */
    private long rejectNewWithoutPassword(List<RosterRow> rows, Consumer<RowError> errors) {
        List<Long> rowNumbers = jdbc.sql("""
                select row_no from roster_staging s where password_hash is null
                and not exists (select 1 from candidate c where c.candidate_number = s.candidate_number)""")
                .query(Long.class).list();
        if (rowNumbers.isEmpty()) {
            return 0;
        }
        Set<Long> rejected = Set.copyOf(rowNumbers);
        for (RosterRow r : rows) {
            if (rejected.contains(r.rowNumber)) {
                errors.accept(new RowError(r.rowNumber, r.candidateNumber, Column.PASSWORD, "password.missing",
                        "新考生缺少初始密码", "A new candidate needs an initial password"));
                r.photo = null;
            }
        }
        jdbc.sql("delete from roster_staging s where password_hash is null and not exists "
                + "(select 1 from candidate c where c.candidate_number = s.candidate_number)").update();
        return rejected.size();
    }

    private static void upsertPoints(Connection connection, List<RosterRow> rows, boolean pg) throws SQLException {
        Map<String, RosterRow> points = new LinkedHashMap<>();
        for (RosterRow r : rows) {
            if (r.pointName != null) {
                points.put(r.pointCode, r);
            }
        }
        if (points.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(pg ? POINT_POSTGRES : POINT_H2)) {
            for (RosterRow r : points.values()) {
                ps.setString(1, r.pointCode);
                ps.setString(2, r.pointName);
                ps.setString(3, r.city);
                ps.setString(4, r.pointPhone == null ? "" : r.pointPhone);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Stores each row's reference photo unless the candidate already has the very same one (a
     * re-import of the same archive changes nothing). The candidate module attaches it: the
     * descriptor is computed again on first use, and a candidate sent to manual review for want of
     * a reference goes back to automatic verification, as after a staff replacement.
     */
    private long storePhotos(List<RosterRow> rows) {
        Map<String, RosterRow> withPhoto = rows.stream().filter(r -> r.photo != null)
                .collect(Collectors.toMap(r -> r.candidateNumber, r -> r, (a, b) -> b, HashMap::new));
        long stored = 0;
        for (RosterRow r : withPhoto.values()) {
            record Current(long id, String sha256) {
            }
            Current current = jdbc.sql("""
                    select c.id, p.sha256 from candidate c left join photo p on p.id = c.reference_photo_id
                    where c.candidate_number = ?""").param(r.candidateNumber)
                    .query((rs, n) -> new Current(rs.getLong(1), rs.getString(2))).single();
            if (r.photo.sha256().equals(current.sha256())) {
                continue;
            }
            long photoId = photos.store(current.id(), PhotoKind.REFERENCE, r.photo.bytes(), r.photo.contentType(),
                    r.photo.width(), r.photo.height());
            candidates.attachReference(current.id(), photoId, "roster");
            stored++;
        }
        return stored;
    }
}
