package org.approvalchain.engine.database;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.mvstore.MVStore;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The engine's database, whose transactions it writes to the file whole when it is an embedded H2
 * file: a store takes the maps' roots while no statement, commit or rollback is changing them
 * ({@link #write(MVStore)}). A commit is in the file once a store taken after it has been written:
 * whatever leaves the engine asks for one first ({@link EmbeddedStore}: an answer, a chain
 * transaction, a batch of events, a kept decision), and the compaction takes one every few seconds,
 * so a {@code kill -9} takes back only commits that nobody outside the engine has seen, as if the
 * engine had stopped just before them.
 * H2 2.4.240 cannot be left to take its stores while its maps change (its issue 2080: "consistent
 * snapshot is only ensured for a single map"): a store takes the maps' roots one after
 * another, while a statement writes a row's undo entry and then the row and its index entries, a
 * commit applies its transaction map by map and then clears its undo log, and a rollback restores
 * the rows one by one. A store taken meanwhile can hold a row without its undo entry, or a
 * transaction in part with its undo log already cleared; after a {@code kill -9} that is what the
 * database opens with. The crash storm at 64 cases in flight found a refused case's task, executions
 * and variables deleted and its end events inserted, but its history's end times not updated;
 * {@code KilledWhileWritingIT} found, with only commits kept apart from stores, rows of a
 * transaction that never committed and index entries missing (docs/performance.md, "H2 killed while
 * writing"). So the engine's URL has H2 write nothing itself ({@code WRITE_DELAY} of 24 days: its
 * background writer never comes round), and every store is taken here, shared by the threads that
 * ask at once ({@link SharedWrites}), and written by H2's threads while the maps change again.
 * <p>
 * What changes the maps: a statement's execution (a query too: {@code SELECT … FOR UPDATE} locks
 * rows), with the commit H2 makes inside it in auto-commit mode, and {@link Connection#commit()},
 * {@link Connection#rollback()}, {@link Connection#close()} and {@link Connection#setAutoCommit(boolean)}
 * of a connection whose transaction changed rows (one that only read is ended as it is). The file is
 * compacted here too ({@link #compact(int)}). A statement after which the changes not yet stored pass half of
 * H2's unsaved-memory limit (19 MB) is followed by a store, before H2 would store on its own while
 * other statements change its maps; it still does within a statement that changes more than that.
 * <p>
 * A store waits for the statements being run; a statement that waits for another transaction's row
 * lock keeps it waiting until that transaction ends, so a statement or commit that has waited
 * {@value #QUEUED_MILLIS} ms behind a store goes ahead of it: it may be the transaction waited for.
 * Connections to any other database are handed out as they are.
 */
public class WholeCommits extends DelegatingDataSource implements AutoCloseable {

    /** The statement's methods that run it (a query may change rows too: {@code SELECT … FOR UPDATE}). */
    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");
    private static final Set<String> STATEMENTS = Set.of("createStatement", "prepareStatement", "prepareCall");
    /** How long a statement, commit or rollback waits behind a store before it goes ahead of it. */
    static final long QUEUED_MILLIS = 20;

    /** Read: a statement, commit or rollback changing the maps; write: a store being taken. */
    private final ReentrantReadWriteLock changing = new ReentrantReadWriteLock(true);
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
     * Writes to the file every change {@code store} holds, taken while nothing changes its maps; returns
     * when that is in the file, or when another thread's write that began after this call has ended.
     */
    public void write(MVStore store) throws SQLException {
        writes.write(() -> storeWhileNothingChanges(store, () -> { }));
    }

    /**
     * Compacts the embedded H2 file database behind this data source ({@link H2Compaction}) and writes
     * what that rewrote, while nothing else changes its maps; false, doing nothing, when it is none. H2
     * stores on its own while it rewrites, once the rewritten pages pass its unsaved-memory limit (and
     * a statement's next write would store them): a store that other threads' changes may overlap.
     */
    public boolean compact(int targetFillRate) throws SQLException {
        try (Connection connection = obtainTargetDataSource().getConnection()) {
            Optional<MVStore> store = EmbeddedH2.fileStore(connection);
            store.ifPresent(s -> storeWhileNothingChanges(s, () -> H2Compaction.compact(s, targetFillRate)));
            return store.isPresent();
        }
    }

    /**
     * {@code before}, then a store of every change {@code store} holds taken, both while no
     * statement, commit or rollback changes its maps; returns when the store is in the file. H2's
     * threads write it while the maps change again (the roots taken do not).
     */
    void storeWhileNothingChanges(MVStore store, Runnable before) {
        changing.writeLock().lock();
        try {
            before.run();
            // takes the roots and hands them to H2's threads; a store H2 is taking on its own
            // (past its unsaved-memory limit, or while compacting) is waited for
            if (store.tryCommit() < 0) {
                store.commit();
            }
        } finally {
            changing.writeLock().unlock();
        }
        store.getFileStore().executeFileStoreOperation(() -> { });
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
                    case "commit", "rollback", "close", "setAutoCommit" -> session.hasPendingTransaction()
                            ? whileChanging(() -> invoke(connection, method, arguments))
                            : invoke(connection, method, arguments);
                    default -> STATEMENTS.contains(method.getName())
                            ? statement(session, (Statement) invoke(connection, method, arguments),
                                    method.getReturnType())
                            : invoke(connection, method, arguments);
                });
    }

    private Object statement(SessionLocal session, Statement statement, Class<?> type) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                (proxy, method, arguments) -> {
                    if (!EXECUTIONS.contains(method.getName())) {
                        return invoke(statement, method, arguments);
                    }
                    Object result = whileChanging(() -> invoke(statement, method, arguments));
                    MVStore store = store(session);
                    if (store.getUnsavedMemory() > store.getAutoCommitMemory() / 2) {
                        write(store); // before H2 would store on its own, while other statements run
                    }
                    return result;
                });
    }

    private static MVStore store(SessionLocal session) {
        return session.getDatabase().getStore().getMvStore();
    }

    /** {@code call}, which may change the maps, while no store is being taken. */
    private Object whileChanging(Call call) throws Throwable {
        Lock lock = changing.readLock();
        boolean held = lock.tryLock(QUEUED_MILLIS, TimeUnit.MILLISECONDS);
        while (!held) {
            // the store may be waiting for a statement that waits for this transaction: go ahead of
            // it (tryLock() does), or, while a store is being taken, wait in turn for its end
            held = lock.tryLock() || lock.tryLock(1, TimeUnit.MILLISECONDS);
        }
        try {
            return call.run();
        } finally {
            lock.unlock();
        }
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
