package org.approvalchain.engine.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.contracts.DepartmentAccessContract;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.LedgerProperties;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.approvalchain.engine.ledger.TransactionSigner;
import org.approvalchain.engine.ledger.embedded.EmbeddedLedger;

/**
 * A fresh embedded chain with three accounts for contract tests: the admin who deploys (and so
 * is also a writer), a department writer the admin grants, and an outsider with no role.
 */
final class TestChain implements AutoCloseable {

    final ChainCrypto crypto;
    final EmbeddedLedger ledger;
    final TransactionSigner admin;
    final TransactionSigner department;
    final TransactionSigner outsider;

    TestChain(ChainCrypto crypto, Path dataDir) {
        this.crypto = crypto;
        this.ledger = EmbeddedLedger.open(crypto,
                new LedgerProperties.Embedded(dataDir, "chain0", "group0", 20, Duration.ofMillis(2), 1000));
        this.admin = TransactionSigner.newAccount(crypto);
        this.department = TransactionSigner.newAccount(crypto);
        this.outsider = TransactionSigner.newAccount(crypto);
    }

    /** Deploys the facade's contract as admin and grants the department account writer rights. */
    String deploy(DepartmentAccessContract contract, String departmentName) {
        TransactionReceipt receipt = ledger.send(admin.deploy(ledger.status(), contract.deploymentData(),
                contract.artifact().abi()));
        assertThat(receipt.succeeded()).as("deploying %s: %s", contract.artifact().name(), receipt.revertReason()).isTrue();
        ok(admin, receipt.contractAddress(), contract.grantWriter(department.address(), departmentName));
        return receipt.contractAddress();
    }

    TransactionReceipt send(TransactionSigner from, String contract, byte[] call) {
        return ledger.send(from.call(ledger.status(), contract, call));
    }

    /** Sends and asserts success. */
    TransactionReceipt ok(TransactionSigner from, String contract, byte[] call) {
        TransactionReceipt receipt = send(from, contract, call);
        assertThat(receipt.succeeded()).as("reverted: %s", receipt.revertReason()).isTrue();
        return receipt;
    }

    /** Sends, asserts a revert and returns the reason. */
    String reverts(TransactionSigner from, String contract, byte[] call) {
        TransactionReceipt receipt = send(from, contract, call);
        assertThat(receipt.status()).isEqualTo(TransactionReceipt.STATUS_REVERTED);
        return receipt.revertReason();
    }

    /** A static call that must succeed; returns its output. */
    byte[] read(String contract, byte[] call) {
        CallResult result = ledger.call(outsider.address(), contract, call);
        assertThat(result.succeeded()).as("call reverted: %s", result.revertReason()).isTrue();
        return result.output();
    }

    /** A static call that must revert; returns its reason. */
    String readReverts(String contract, byte[] call) {
        CallResult result = ledger.call(outsider.address(), contract, call);
        assertThat(result.succeeded()).as("call succeeded").isFalse();
        return result.revertReason();
    }

    /** Chain time of the latest block, in milliseconds. */
    long now() {
        return ledger.blockByNumber(ledger.status().blockNumber()).orElseThrow().timestamp();
    }

    /** 32 bytes all set to {@code value}: a stand-in hash. */
    static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    @Override
    public void close() {
        ledger.close();
    }
}
