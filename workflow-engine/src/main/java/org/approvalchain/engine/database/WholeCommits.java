package org.approvalchain.engine.database;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.mvstore.MVStore;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The engine's database, whose commits it writes to the file whole when it is an embedded H2 file:
 * a commit is applied while no store is being written, and written by a store that begins once no
 * commit is being applied ({@link #write(MVStore)}); it returns when it is in the file. H2 2.4.240
 * cannot be left to write its own stores (its issue 2080): a store takes the maps' roots one after
 * another, and a commit applies a transaction map by map and then clears its undo log, so a store
 * written while another connection commits can hold that transaction in part with its undo log
 * already empty; after a {@code kill -9} the transaction is back in part. The crash storm at 64
 * cases in flight found a refused case's task, executions and variables deleted and its end events
 * inserted, but its history's end times not updated (docs/performance.md, "A committed transaction
 * back in part after a kill"); H2's background writer ({@code WRITE_DELAY=500}) broke an index
 * within a few kills, most likely the same way. So the engine's URL has H2 write nothing itself
 * ({@code WRITE_DELAY} of 24 days: its background writer never comes round), and every store is
 * written here, shared by the commits that ask at once ({@link SharedWrites}).
 * <p>
 * A commit is {@link Connection#commit()} and {@link Connection#setAutoCommit(boolean)
 * setAutoCommit(true)} of a transaction that changed rows (one that only read is committed as it
 * is), and a statement that may change rows in auto-commit mode, which is run in a transaction of its
 * own and committed here (H2 would commit it inside the statement, unwritten). What H2 still writes
 * on its own: a store when a transaction's unsaved pages pass its memory limit (19 MB).
 * Connections to any other database are handed out as they are.
 */
public class WholeCommits extends DelegatingDataSource implements AutoCloseable {

    /** The statement's methods that can change rows ({@code executeQuery} reads). */
    private static final Set<String> EXECUTIONS = Set.of("execute", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");
    private static final Set<String> STATEMENTS = Set.of("createStatement", "prepareStatement", "prepareCall");

    /** Read: a commit being applied; write: a store being written. */
    private final ReentrantReadWriteLock applied = new ReentrantReadWriteLock(true);
    private final SharedWrites writes = new SharedWrites();
    /** Null until the first connection tells; then whether the database is an embedded H2 file. */
    private volatile Boolean embeddedH2;

    public WholeCommits(DataSource dataSource) {
        super(dataSource);
    }

    /** The one that {@code dataSource} is or wraps. */
    public static WholeCommits of(DataSource dataSource) throws SQLException {
        if (!dataSource.isWrapperFor(WholeCommits.class)) {
            throw new IllegalArgumentException("the engine's data source does not write its commits whole: " + dataSource);
        }
        return dataSource.unwrap(WholeCommits.class);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wholeCommits(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wholeCommits(super.getConnection(username, password));
    }

    /** Closes the data source it wraps (a pool's connections, and with them the database) if it can be closed. */
    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /**
     * Writes to the file every change {@code store} holds, once no commit is being applied; returns
     * when that is in the file, or when another thread's write that began after this call has ended.
     */
    public void write(MVStore store) throws SQLException {
        writes.write(() -> {
            applied.writeLock().lock();
            try {
                store.commit();
            } finally {
                applied.writeLock().unlock();
            }
            // a store begun without waiting (a transaction past H2's unsaved-memory limit) is
            // serialized and written by H2's own threads; commit() finds nothing left to store
            // then and returns before it is in the file: wait for it
            store.getFileStore().executeFileStoreOperation(() -> { });
        });
    }

    private Connection wholeCommits(Connection connection) throws SQLException {
        if (Boolean.FALSE.equals(embeddedH2)) {
            return connection;
        }
        Optional<SessionLocal> found = EmbeddedH2.fileSession(connection);
        embeddedH2 = found.isPresent();
        if (found.isEmpty()) {
            return connection;
        }
        SessionLocal session = found.get();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "commit" -> committing(session, () -> invoke(connection, method, arguments));
                    case "setAutoCommit" -> (Boolean) arguments[0] && !connection.getAutoCommit()
                            ? committing(session, () -> invoke(connection, method, arguments))
                            : invoke(connection, method, arguments);
                    default -> STATEMENTS.contains(method.getName())
                            ? statement(connection, session, (Statement) invoke(connection, method, arguments),
                                    method.getReturnType())
                            : invoke(connection, method, arguments);
                });
    }

    private Object statement(Connection connection, SessionLocal session, Statement statement, Class<?> type) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                (proxy, method, arguments) -> EXECUTIONS.contains(method.getName()) && connection.getAutoCommit()
                        ? inATransactionOfItsOwn(connection, session, () -> invoke(statement, method, arguments))
                        : invoke(statement, method, arguments));
    }

    private Object inATransactionOfItsOwn(Connection connection, SessionLocal session, Call call) throws Throwable {
        connection.setAutoCommit(false);
        try {
            Object result = call.run();
            committing(session, () -> {
                connection.commit();
                return null;
            });
            return result;
        } catch (Throwable e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * {@code call}, a commit of {@code session}'s transaction: if the transaction changed anything,
     * applied while no store is being written, then written.
     */
    private Object committing(SessionLocal session, Call call) throws Throwable {
        if (!session.hasPendingTransaction()) {
            return call.run();
        }
        Object result;
        applied.readLock().lock();
        try {
            result = call.run();
        } finally {
            applied.readLock().unlock();
        }
        write(session.getDatabase().getStore().getMvStore());
        return result;
    }

    private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private interface Call {
        Object run() throws Throwable;
    }
}
