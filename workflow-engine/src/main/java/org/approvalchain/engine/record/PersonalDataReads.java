package org.approvalchain.engine.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The log of personal data reads ({@code ac_personal_data_read}): written before the data leaves
 * the engine, listed for administrators newest first. The one place this table is read and written.
 */
@Repository
public class PersonalDataReads {

    private final JdbcTemplate jdbc;

    PersonalDataReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of reads, newest first, with the number of reads that match in all. */
    public record Page(List<PersonalDataRead> reads, int page, int size, long total) {
    }

    public void add(PersonalDataRead read) {
        jdbc.update("INSERT INTO ac_personal_data_read (case_id, user_id, fields, endpoint, read_at) VALUES (?, ?, ?, ?, ?)",
                read.caseId(), read.userId(), String.join(",", read.fields()), read.endpoint(), Timestamp.from(read.readAt()));
    }

    /**
     * The reads of one case and/or by one user (null for any), newest first.
     *
     * @param page zero-based page number
     * @param size reads per page
     */
    public Page find(String caseId, String userId, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (caseId != null) {
            where.append(" AND case_id = ?");
            args.add(caseId);
        }
        if (userId != null) {
            where.append(" AND user_id = ?");
            args.add(userId);
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM ac_personal_data_read" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<PersonalDataRead> reads = jdbc.query("SELECT * FROM ac_personal_data_read" + where
                + " ORDER BY read_at DESC, id DESC LIMIT ? OFFSET ?", PersonalDataReads::read, pageArgs.toArray());
        return new Page(reads, page, size, total == null ? 0 : total);
    }

    private static PersonalDataRead read(ResultSet row, int n) throws SQLException {
        return new PersonalDataRead(row.getString("case_id"), row.getString("user_id"),
                Arrays.asList(row.getString("fields").split(",")), row.getString("endpoint"),
                row.getTimestamp("read_at").toInstant());
    }
}
