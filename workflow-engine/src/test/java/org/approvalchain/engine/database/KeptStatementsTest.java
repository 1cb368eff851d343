package org.approvalchain.engine.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbc.JdbcPreparedStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's pool on an H2 file database with the engine's settings: a statement prepared again on
 * a connection is the one it kept, parsed, and it answers as a new one would, within a transaction
 * that changed what it reads and after other connections' commits.
 */
class KeptStatementsTest {

    static final String COUNT = "SELECT COUNT(*) FROM note WHERE id >= ?";
    static final String EXISTS = "SELECT EXISTS (SELECT 1 FROM note WHERE id = ?)";

    @TempDir
    Path dir;

    HikariDataSource pool = new HikariDataSource();

    @BeforeEach
    void database() throws SQLException, IOException {
        pool.setJdbcUrl("jdbc:h2:file:" + dir.resolve("engine") + ";" + EngineUrl.settings());
        pool.setUsername("sa");
        pool.setPassword("");
        KeptStatements.keepIn(pool);
        try (Connection c = pool.getConnection(); Statement sql = c.createStatement()) {
            sql.execute("CREATE TABLE note (id VARCHAR(64) PRIMARY KEY)");
        }
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void aStatementPreparedAgainOnAConnectionIsTheOneItKept() throws SQLException {
        try (Connection c = pool.getConnection()) {
            JdbcPreparedStatement first = prepared(c, COUNT);
            assertThat(prepared(c, COUNT)).as("the statement prepared again").isSameAs(first);
            assertThat(prepared(c, EXISTS)).as("another statement").isNotSameAs(first);
        }
        try (Connection again = pool.getConnection()) {
            assertThat(prepared(again, COUNT)).as("prepared again on the connection back from the pool")
                    .isSameAs(prepared(again, COUNT));
        }
    }

    @Test
    void aKeptStatementSeesItsTransactionsChangesAndOtherCommits() throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            assertThat(answer(c, COUNT, "a")).isZero();
            assertThat(answer(c, EXISTS, "a")).isZero();
            try (Statement sql = c.createStatement()) {
                sql.executeUpdate("INSERT INTO note VALUES ('a')");
            }
            assertThat(answer(c, COUNT, "a")).as("a count after the transaction's own insert").isEqualTo(1);
            // H2 2.4.240 reusing a statement's last result answered false here (OPTIMIZE_REUSE_RESULTS)
            assertThat(answer(c, EXISTS, "a")).as("an EXISTS after the transaction's own insert").isEqualTo(1);
            c.commit();
            try (Connection other = pool.getConnection(); Statement sql = other.createStatement()) {
                sql.executeUpdate("INSERT INTO note VALUES ('b')");
            }
            assertThat(answer(c, COUNT, "a")).as("a count after another connection's commit").isEqualTo(2);
            assertThat(answer(c, EXISTS, "b")).as("an EXISTS after another connection's commit").isEqualTo(1);
        }
    }

    /** What WholeCommits needs to find the database's session and store. */
    @Test
    void aConnectionStillShowsH2sConnectionBehindIt() throws SQLException {
        try (Connection c = pool.getConnection()) {
            assertThat(c.isWrapperFor(JdbcConnection.class)).isTrue();
            assertThat(EmbeddedH2.fileSession(c)).isPresent();
        }
    }

    @Test
    void aPoolForAnotherDatabaseIsLeftAsItIs() {
        try (HikariDataSource postgres = new HikariDataSource()) {
            postgres.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/test");
            KeptStatements.keepIn(postgres);
            assertThat(postgres.getDataSource()).isNull();
        }
    }

    private static JdbcPreparedStatement prepared(Connection c, String sql) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            return statement.unwrap(JdbcPreparedStatement.class);
        }
    }

    private static int answer(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
