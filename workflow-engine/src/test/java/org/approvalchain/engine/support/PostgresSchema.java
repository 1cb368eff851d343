package org.approvalchain.engine.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A schema of its own in the shared PostgreSQL test database (127.0.0.1:5432/test, trust auth, as
 * {@code .ci/ensure-postgresql} provides; {@code APPROVALCHAIN_DB_HOST}/{@code _PORT}/{@code _NAME}/
 * {@code _USER}/{@code _PASSWORD} override it). Created empty, dropped with everything in it on
 * {@link #close()}: a test never touches the public schema or another run's tables.
 */
public final class PostgresSchema implements AutoCloseable {

    private final String name;

    private PostgresSchema(String name) {
        this.name = name;
        execute("CREATE SCHEMA " + name);
    }

    /** A fresh schema named {@code it_<purpose>_<random>}. */
    public static PostgresSchema create(String purpose) {
        return new PostgresSchema(("it_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_"));
    }

    public String name() {
        return name;
    }

    /** The property the {@code postgres} profile reads the schema from. */
    public String property() {
        return "APPROVALCHAIN_DB_SCHEMA=" + name;
    }

    /** A JDBC URL whose connections work in this schema. */
    public String jdbcUrl() {
        return url() + "?currentSchema=" + name;
    }

    /** The user the schema was created as, who owns it. */
    public static String user() {
        return env("APPROVALCHAIN_DB_USER", "postgres");
    }

    /** That user's password (empty for trust authentication). */
    public static String password() {
        return env("APPROVALCHAIN_DB_PASSWORD", "");
    }

    @Override
    public void close() {
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url(), user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + url()
                    + " (is PostgreSQL running? bash .ci/ensure-postgresql): " + e.getMessage(), e);
        }
    }

    private static String url() {
        return "jdbc:postgresql://" + env("APPROVALCHAIN_DB_HOST", "127.0.0.1") + ":" + env("APPROVALCHAIN_DB_PORT", "5432")
                + "/" + env("APPROVALCHAIN_DB_NAME", "test");
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
