package org.approvalchain.engine.ledger.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.approvalchain.engine.database.H2Compaction;
import org.approvalchain.engine.ledger.Block;
import org.approvalchain.engine.ledger.embedded.BlockSeal.StoredTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded chain's blocks, transactions and receipts, in an H2 database of its own under the
 * ledger's data directory (never Camunda's database). A block is written with its transactions
 * and receipts in one database transaction, so a crash leaves either the whole block or none.
 */
final class BlockStore implements AutoCloseable {

    /**
     * The tables. A transaction and a receipt are kept in the row ({@code CHARACTER VARYING}, {@code
     * BINARY VARYING}: up to 10^9 characters or bytes in H2), not as H2 large objects, whose separate
     * maps took twice the time of a block's write and of a receipt's read (docs/ledger.md, "Blocks
     * without large objects"); a store created before that keeps its {@code CLOB} and {@code BLOB}
     * columns, which read and write the same.
     */
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS blocks (number BIGINT PRIMARY KEY, hash VARCHAR(66) NOT NULL UNIQUE,
              parent_hash VARCHAR(66) NOT NULL, timestamp BIGINT NOT NULL, state_root VARCHAR(66) NOT NULL,
              transactions_root VARCHAR(66) NOT NULL, receipts_root VARCHAR(66) NOT NULL,
              sealer VARCHAR(42) NOT NULL, signature VARCHAR(512) NOT NULL);
            CREATE TABLE IF NOT EXISTS transactions (hash VARCHAR(66) PRIMARY KEY, block_number BIGINT NOT NULL,
              position INT NOT NULL, sender VARCHAR(42) NOT NULL, encoded CHARACTER VARYING NOT NULL);
            CREATE INDEX IF NOT EXISTS transactions_by_block ON transactions(block_number, position);
            CREATE TABLE IF NOT EXISTS receipts (transaction_hash VARCHAR(66) PRIMARY KEY,
              block_number BIGINT NOT NULL, position INT NOT NULL, encoded BINARY VARYING NOT NULL);
            CREATE INDEX IF NOT EXISTS receipts_by_block ON receipts(block_number, position);
            """;

    private static final Logger log = LoggerFactory.getLogger(BlockStore.class);
    private static final int COMPACTION_BLOCKS = 100;
    /** Half full: the block store's file is small beside the engine's database, which has its own target. */
    private static final int COMPACTION_FILL_RATE = 50;

    private final Connection connection;

    private BlockStore(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating if needed) the store in {@code directory}. */
    static BlockStore open(Path directory) {
        try {
            // WRITE_DELAY=0: a block is on disk when append() returns, so a kill -9 loses no receipt given out;
            // RETENTION_TIME=0: the space of chunks that compact() emptied is reused at once;
            // DB_CLOSE_ON_EXIT=FALSE: closed by close() when the ledger stops, not by H2's exit hook before that
            Connection c = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("chain").toAbsolutePath()
                    + ";WRITE_DELAY=0;RETENTION_TIME=0;DB_CLOSE_ON_EXIT=FALSE", "ledger", "");
            try (Statement s = c.createStatement()) {
                s.execute(SCHEMA);
            }
            return new BlockStore(c);
        } catch (SQLException e) {
            throw new IllegalStateException("LEDGER-202 cannot open the block store in " + directory + ": " + e.getMessage(), e);
        }
    }

    synchronized void append(Block block, List<StoredTransaction> transactions, List<byte[]> receipts) {
        try {
            connection.setAutoCommit(false);
            insertBlock(block);
            for (int i = 0; i < transactions.size(); i++) {
                StoredTransaction tx = transactions.get(i);
                update("INSERT INTO transactions VALUES (?, ?, ?, ?, ?)", tx.hash(), block.number(), i, tx.sender(), tx.encoded());
                update("INSERT INTO receipts VALUES (?, ?, ?, ?)", tx.hash(), block.number(), i, receipts.get(i));
            }
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("LEDGER-203 cannot store block " + block.number() + ": " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
        if (block.number() % COMPACTION_BLOCKS == 0) {
            compact();
        }
    }

    /** Every {@value #COMPACTION_BLOCKS} blocks, or the file grows by every block's chunk (2.8 GB for 10,000 cases). */
    private void compact() {
        try {
            H2Compaction.compact(connection, COMPACTION_FILL_RATE);
        } catch (SQLException | RuntimeException e) {
            log.warn("LEDGER-211 compacting the block store failed (tried again later): {}", e.getMessage());
        }
    }

    synchronized Optional<Block> latest() {
        return blocks("SELECT * FROM blocks ORDER BY number DESC LIMIT 1").stream().findFirst();
    }

    synchronized Optional<Block> byNumber(long number) {
        return blocks("SELECT * FROM blocks WHERE number = ?", number).stream().findFirst();
    }

    synchronized Optional<Block> byHash(String hash) {
        return blocks("SELECT * FROM blocks WHERE hash = ?", hash.toLowerCase()).stream().findFirst();
    }

    synchronized boolean containsTransaction(String hash) {
        return !strings("SELECT hash FROM transactions WHERE hash = ?", hash).isEmpty();
    }

    synchronized List<StoredTransaction> transactions(long blockNumber) {
        List<StoredTransaction> result = new ArrayList<>();
        query("SELECT hash, encoded, sender FROM transactions WHERE block_number = ? ORDER BY position",
                rs -> result.add(new StoredTransaction(rs.getString(1), rs.getString(2), rs.getString(3))), blockNumber);
        return result;
    }

    synchronized Optional<StoredTransaction> transaction(String hash) {
        List<StoredTransaction> result = new ArrayList<>();
        query("SELECT hash, encoded, sender FROM transactions WHERE hash = ?",
                rs -> result.add(new StoredTransaction(rs.getString(1), rs.getString(2), rs.getString(3))), hash.toLowerCase());
        return result.stream().findFirst();
    }

    synchronized List<byte[]> receipts(long blockNumber) {
        List<byte[]> result = new ArrayList<>();
        query("SELECT encoded FROM receipts WHERE block_number = ? ORDER BY position", rs -> result.add(rs.getBytes(1)),
                blockNumber);
        return result;
    }

    synchronized Optional<byte[]> receipt(String transactionHash) {
        List<byte[]> result = new ArrayList<>();
        query("SELECT encoded FROM receipts WHERE transaction_hash = ?", rs -> result.add(rs.getBytes(1)),
                transactionHash.toLowerCase());
        return result.stream().findFirst();
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("LEDGER-204 cannot close the block store", e);
        }
    }

    private void insertBlock(Block b) throws SQLException {
        update("INSERT INTO blocks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", b.number(), b.hash(), b.parentHash(), b.timestamp(),
                b.stateRoot(), b.transactionsRoot(), b.receiptsRoot(), b.sealer(), b.signature());
    }

    private List<Block> blocks(String sql, Object... args) {
        List<Block> result = new ArrayList<>();
        query(sql, rs -> result.add(new Block(rs.getLong("number"), rs.getString("hash"), rs.getString("parent_hash"),
                rs.getLong("timestamp"), rs.getString("state_root"), rs.getString("transactions_root"),
                rs.getString("receipts_root"), strings("SELECT hash FROM transactions WHERE block_number = ? ORDER BY position",
                rs.getLong("number")), rs.getString("sealer"), rs.getString("signature"))), args);
        return result;
    }

    private List<String> strings(String sql, Object... args) {
        List<String> result = new ArrayList<>();
        query(sql, rs -> result.add(rs.getString(1)), args);
        return result;
    }

    private void query(String sql, RowReader reader, Object... args) {
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("LEDGER-205 block store query failed: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, args)) {
            ps.executeUpdate();
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the caller needs to see
        }
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // next append sets it again
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }
}
