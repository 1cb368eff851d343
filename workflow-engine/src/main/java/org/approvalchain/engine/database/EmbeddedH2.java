package org.approvalchain.engine.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/** The store under an embedded H2 file database's connection, which H2's SQL does not reach. */
final class EmbeddedH2 {

    private EmbeddedH2() {
    }

    /** Empty when {@code connection} is no embedded H2 file database (PostgreSQL, an in-memory database). */
    static Optional<MVStore> fileStore(Connection connection) throws SQLException {
        return fileSession(connection).map(session -> session.getDatabase().getStore().getMvStore());
    }

    /** The store under {@code dataSource}'s embedded H2 file database, found on a connection it then closes. */
    static Optional<MVStore> fileStore(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return fileStore(connection);
        }
    }

    /** H2's session behind {@code connection}; empty when it is no embedded H2 file database. */
    static Optional<SessionLocal> fileSession(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
                || !session.getDatabase().isPersistent()) {
            return Optional.empty();
        }
        return Optional.of(session);
    }
}
