package org.approvalchain.engine.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.commons.dbcp2.DelegatingPreparedStatement;
import org.apache.commons.dbcp2.PStmtKey;
import org.apache.commons.dbcp2.PoolingConnection;
import org.apache.commons.pool2.impl.GenericKeyedObjectPool;
import org.apache.commons.pool2.impl.GenericKeyedObjectPoolConfig;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Connections to an H2 database that keep the statements prepared on them, parsed, for the next
 * time the same SQL is prepared on the same connection (DBCP2's {@link PoolingConnection}, at most
 * {@value #PER_CONNECTION} per connection, the least recently used let go first), in place of H2's
 * own statement cache, which the engine's URL turns off ({@code QUERY_CACHE_SIZE=0}). H2 2.4.240
 * makes every statement in its cache look through its tables and expressions each time a
 * transaction first changes a table ({@code SessionLocal.registerTableAsUpdated}), whether or not
 * it holds a result to forget: with Camunda's and the engine's statements cached, 7.5% of the
 * engine's profile samples at 16 cases in flight (docs/performance.md, "Statements kept by the
 * pool"). Statements kept here are not asked. A kept statement gives the same answers as a new one:
 * the engine's URL has H2 run every query afresh ({@code OPTIMIZE_REUSE_RESULTS=FALSE}).
 */
final class KeptStatements extends DelegatingDataSource {

    /** As many as H2's cache held (the engine's URL had {@code QUERY_CACHE_SIZE=256}). */
    static final int PER_CONNECTION = 256;

    KeptStatements(DataSource dataSource) {
        super(dataSource);
    }

    /** Has {@code pool}'s connections keep their statements when it connects to an H2 database; else leaves it. */
    static void keepIn(HikariDataSource pool) {
        if (pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(pool.getJdbcUrl());
            pool.setDataSource(new KeptStatements(h2));
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return keeping(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return keeping(super.getConnection(username, password));
    }

    private static Connection keeping(Connection connection) {
        PoolingConnection keeping = new PoolingConnection(connection);
        GenericKeyedObjectPoolConfig<DelegatingPreparedStatement> config = new GenericKeyedObjectPoolConfig<>();
        // as DBCP2's own pool configures it: a statement prepared again while in use is prepared anew,
        // one of each kept
        config.setMaxTotalPerKey(-1);
        config.setMaxIdlePerKey(1);
        config.setMaxTotal(PER_CONNECTION);
        config.setBlockWhenExhausted(false);
        config.setMaxWait(Duration.ZERO);
        config.setJmxEnabled(false);
        keeping.setStatementPool(new GenericKeyedObjectPool<PStmtKey, DelegatingPreparedStatement>(keeping, config));
        return keeping;
    }
}
