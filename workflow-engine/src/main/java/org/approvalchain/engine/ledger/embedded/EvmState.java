package org.approvalchain.engine.ledger.embedded;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.horizen.evm.Address;
import io.horizen.evm.Evm;
import io.horizen.evm.EvmContext;
import io.horizen.evm.ForkRules;
import io.horizen.evm.Hash;
import io.horizen.evm.Invocation;
import io.horizen.evm.LevelDBDatabase;
import io.horizen.evm.StateDB;
import io.horizen.evm.results.EvmLog;
import io.horizen.evm.results.InvocationResult;

/**
 * The EVM world state in a LevelDB under the data directory, executed with go-ethereum's EVM
 * through libevm. libevm aborts the JVM when two threads touch one StateDB, so exactly one thread
 * (the {@link EmbeddedLedger}'s EVM thread) may call this class. A block's state root is hashed in
 * memory ({@link #root()}); the state reaches LevelDB only when it is committed ({@link
 * #commit(long)}), every few blocks, and the file {@value #COMMITTED} then names the block it
 * holds the state of, so that the blocks after it can be executed again once the process was killed.
 * After each commit the StateDB is reopened at the new root, as libevm requires.
 */
final class EvmState implements AutoCloseable {

    /** Gas for one transaction: generous, since the consortium chain charges nothing for gas. */
    static final BigInteger TX_GAS = BigInteger.valueOf(300_000_000L);

    /** The file in the state directory naming the block whose state LevelDB holds: "number root". */
    static final String COMMITTED = "committed-block";

    private final Path committedFile;
    private final LevelDBDatabase database;
    private StateDB state;

    /** Opens the state at {@code stateRoot}, which LevelDB must hold (the committed one, or null for an empty state). */
    EvmState(Path directory, String stateRoot) {
        this.committedFile = directory.resolve(COMMITTED);
        this.database = new LevelDBDatabase(directory.toAbsolutePath().toString());
        this.state = new StateDB(database, stateRoot == null ? StateDB.EMPTY_ROOT_HASH : new Hash(stateRoot));
    }

    /** Executes a verified transaction; the changes stay pending until {@link #commit()}. */
    Execution execute(VerifiedTransaction tx, int index, BlockEnvironment block) {
        Hash txHash = new Hash(tx.hash());
        state.setTxContext(txHash, index);
        Address sender = new Address(tx.sender());
        Address callee = tx.isDeployment() ? null : new Address(tx.to());
        // Evm.Apply is a bare message call that expects the sender's nonce already advanced, as
        // go-ethereum's state transition does; a new contract's address derives from the nonce before.
        state.setNonce(sender, state.getNonce(sender).add(BigInteger.ONE));
        int snapshot = state.snapshot();
        InvocationResult result = Evm.Apply(state, new Invocation(sender, callee, BigInteger.ZERO, tx.input(), TX_GAS, false),
                block.context());
        if (failed(result)) {
            state.revertToSnapshot(snapshot);
        }
        List<EvmLog> logs = failed(result) ? List.of() : Arrays.asList(state.getLogs(txHash));
        return new Execution(result, TX_GAS.subtract(result.leftOverGas).longValue(), logs);
    }

    /**
     * A call against the committed state whose changes are discarded, as eth_call runs it: not a
     * static call, so a function that emits events or writes can be previewed (what it returns).
     */
    InvocationResult call(String from, String to, byte[] input, BlockEnvironment block) {
        int snapshot = state.snapshot();
        try {
            Address caller = from == null || from.isEmpty() ? Address.ZERO : new Address(from);
            return Evm.Apply(state, new Invocation(caller, new Address(to), BigInteger.ZERO, input, TX_GAS, false),
                    block.context());
        } finally {
            state.revertToSnapshot(snapshot);
        }
    }

    /** The runtime bytecode at {@code address} in the committed state. */
    byte[] code(String address) {
        byte[] code = state.getCode(new Address(address));
        return code == null ? new byte[0] : code;
    }

    /**
     * The block whose state LevelDB holds, as the last {@link #commit(long)} named it; empty for a
     * state directory from before these files, whose every block's state was committed.
     */
    static Optional<Committed> committed(Path directory) {
        Path file = directory.resolve(COMMITTED);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String[] fields = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
            return Optional.of(new Committed(Long.parseLong(fields[0]), fields[1]));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("LEDGER-208 cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The state root of everything executed so far, hashed in memory (nothing written). */
    String root() {
        return state.getIntermediateRoot().toString();
    }

    /**
     * Writes the state as it is after block {@code blockNumber} to LevelDB, reopens the state at
     * its root and then names that block in {@value #COMMITTED} (written whole or not at all).
     */
    Committed commit(long blockNumber) {
        Hash root = state.commit();
        closeState();
        state = new StateDB(database, root);
        Committed committed = new Committed(blockNumber, root.toString());
        Path written = committedFile.resolveSibling(COMMITTED + ".new");
        try {
            Files.writeString(written, blockNumber + " " + root, StandardCharsets.US_ASCII);
            Files.move(written, committedFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("LEDGER-208 cannot write " + committedFile + ": " + e.getMessage(), e);
        }
        return committed;
    }

    /** Drops pending changes by reopening the state at {@code stateRoot}. */
    void reset(String stateRoot) {
        closeState();
        state = new StateDB(database, new Hash(stateRoot));
    }

    static boolean failed(InvocationResult result) {
        return result.reverted || result.executionError != null && !result.executionError.isEmpty();
    }

    @Override
    public void close() {
        closeState();
        database.close();
    }

    private void closeState() {
        try {
            state.close();
        } catch (Exception e) {
            throw new IllegalStateException("LEDGER-201 cannot close the EVM state", e);
        }
    }

    /** The block whose state LevelDB holds, and that state's root. */
    record Committed(long blockNumber, String stateRoot) {
    }

    /** The outcome of one transaction: libevm's result, the gas it used and its logs. */
    record Execution(InvocationResult result, long gasUsed, List<EvmLog> logs) {
    }

    /** The block a transaction executes in: number and time (ms since the epoch, as FISCO BCOS gives it). */
    record BlockEnvironment(long number, long timestamp) {

        EvmContext context() {
            return new EvmContext(BigInteger.ONE, Address.ZERO, TX_GAS.multiply(BigInteger.valueOf(1000)),
                    BigInteger.ZERO, BigInteger.valueOf(number), BigInteger.valueOf(timestamp), BigInteger.ZERO,
                    Hash.ZERO, new ForkRules(false));
        }
    }
}
