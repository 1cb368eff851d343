package org.approvalchain.engine.chain;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.approvalchain.engine.database.EmbeddedStore;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.LedgerStatus;
import org.approvalchain.engine.ledger.LedgerUnavailableException;
import org.approvalchain.engine.ledger.SignedTransaction;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.approvalchain.engine.ledger.TransactionRejectedException;
import org.approvalchain.engine.ledger.TransactionSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes to the chain exactly once per write key. The signed transaction is journalled (committed
 * on its own, before it is sent) under the key; a later call with the same key, after a crash, a
 * rollback or on another engine node, finds it and resends the very same transaction, which the
 * chain either has already (its receipt is returned) or includes now. Only a transaction whose
 * block limit has passed without it being included is signed anew: it can never be included. Once
 * its receipt is noted the journal keeps the transaction's hash, not the signed transaction: the
 * chain holds it from then on (it was the largest part of what the engine keeps per case).
 * Nothing is sent before the journal entry is in the database's file: the embedded H2 writes its
 * commits a moment later ({@link EmbeddedStore}), so the file is brought up to date first, and a
 * {@code kill -9} can only take back commits the chain has not seen.
 */
@Component
class ChainWriter {

    private static final Logger log = LoggerFactory.getLogger(ChainWriter.class);
    private static final Duration RECEIPT_WAIT = Duration.ofSeconds(30);

    private final Ledger ledger;
    private final EngineAccount account;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate separately;
    private final FaultInjection faults;
    private final EmbeddedStore store;

    ChainWriter(Ledger ledger, EngineAccount account, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                FaultInjection faults, EmbeddedStore store) {
        this.ledger = ledger;
        this.store = store;
        this.account = account;
        this.jdbc = jdbc;
        this.faults = faults;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Calls {@code contractAddress} with {@code input} from the account of {@code signer}, once for {@code writeKey}. */
    TransactionReceipt call(TransactionSigner signer, String writeKey, String contractName, String contractAddress, byte[] input) {
        return write(signer, writeKey, contractName, contractAddress, input, "");
    }

    /** Deploys a contract from the engine account, once for {@code writeKey}. */
    TransactionReceipt deploy(String writeKey, String contractName, byte[] bytecode, String abi) {
        return write(account.signer(), writeKey, contractName, "", bytecode, abi);
    }

    private TransactionReceipt write(TransactionSigner signer, String key, String contract, String to, byte[] input, String abi) {
        Optional<Journalled> earlier = journalled(key);
        Journalled entry = earlier.orElseGet(() -> journal(key, contract, sign(signer, to, input, abi)));
        faults.reach(CrashPoint.CHAIN_WRITE_JOURNALLED, key);
        // only a transaction journalled before (a retry, a restart, another node) can be on chain already
        if (earlier.isPresent()) {
            Optional<TransactionReceipt> known = ledger.receipt(entry.txHash());
            if (known.isPresent()) {
                return completed(key, known.get());
            }
            if (entry.signedTx() == null) {
                throw new LedgerUnavailableException("LEDGER-305", "the journal has transaction " + entry.txHash() + " for " + key
                        + " in a block, and the chain does not have it: this ledger node is behind, or it is another chain");
            }
            if (entry.blockLimit() <= ledger.status().blockNumber()) {
                log.warn("LEDGER-301 transaction {} for {} expired unincluded; signing it anew", entry.txHash(), key);
                entry = rejournal(key, sign(signer, to, input, abi));
            }
        }
        // the journal entry, and every commit before it, in the file: after a crash the retry finds it
        store.writeBefore("the transaction for " + key + " is sent");
        try {
            return completed(key, ledger.send(new SignedTransaction(entry.signedTx(), entry.txHash())));
        } catch (TransactionRejectedException e) {
            if (!e.getMessage().contains("replayed")) {
                throw e;
            }
            return completed(key, awaitReceipt(entry.txHash()));
        }
    }

    private Journalled sign(TransactionSigner signer, String to, byte[] input, String abi) {
        LedgerStatus chain = ledger.status();
        long blockLimit = chain.blockNumber() + TransactionSigner.BLOCK_LIMIT_MARGIN;
        SignedTransaction tx = signer.sign(chain, to, input, abi, blockLimit);
        return new Journalled(tx.hash(), tx.encoded(), blockLimit);
    }

    private Journalled journal(String key, String contract, Journalled tx) {
        try {
            separately.executeWithoutResult(s -> jdbc.update(
                    "INSERT INTO ac_chain_write (write_key, contract_name, tx_hash, signed_tx, block_limit, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?)", key, contract, tx.txHash(), tx.signedTx(), tx.blockLimit(), now()));
            return tx;
        } catch (DuplicateKeyException raced) {
            return journalled(key).orElseThrow(() -> raced);
        }
    }

    private Journalled rejournal(String key, Journalled tx) {
        separately.executeWithoutResult(s -> jdbc.update(
                "UPDATE ac_chain_write SET tx_hash = ?, signed_tx = ?, block_limit = ? WHERE write_key = ?",
                tx.txHash(), tx.signedTx(), tx.blockLimit(), key));
        return tx;
    }

    /**
     * Notes the receipt in the journal and lets go of the signed transaction, which the chain holds
     * now, in the caller's transaction: nothing reads the note back to decide anything (a later
     * attempt asks the chain for the receipt), so it needs no connection and commit of its own; if
     * the caller's transaction rolls back, the signed transaction stays journalled for the retry.
     */
    private TransactionReceipt completed(String key, TransactionReceipt receipt) {
        faults.reach(CrashPoint.CHAIN_WRITE_SENT, key);
        jdbc.update("UPDATE ac_chain_write SET block_number = ?, status = ?, revert_reason = ?, completed_at = ?, signed_tx = NULL "
                        + "WHERE write_key = ? AND completed_at IS NULL",
                receipt.blockNumber(), receipt.status(), receipt.revertReason(), now(), key);
        return receipt;
    }

    private TransactionReceipt awaitReceipt(String txHash) {
        Instant deadline = Instant.now().plus(RECEIPT_WAIT);
        while (Instant.now().isBefore(deadline)) {
            Optional<TransactionReceipt> receipt = ledger.receipt(txHash);
            if (receipt.isPresent()) {
                return receipt.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new LedgerUnavailableException("LEDGER-302", "no receipt for transaction " + txHash + " within " + RECEIPT_WAIT);
    }

    private Optional<Journalled> journalled(String key) {
        return jdbc.query("SELECT tx_hash, signed_tx, block_limit FROM ac_chain_write WHERE write_key = ?",
                (rs, n) -> new Journalled(rs.getString(1), rs.getString(2), rs.getLong(3)), key).stream().findFirst();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    /** A journalled transaction; {@code signedTx} null once its receipt was noted. */
    private record Journalled(String txHash, String signedTx, long blockLimit) {
    }
}
