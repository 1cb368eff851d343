package org.approvalchain.engine.chain;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;

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
 * Nothing is sent before the journal entry is in a file: the embedded H2 writes its commits a
 * moment later ({@link EmbeddedStore}), so a write brings the database's file up to date first,
 * and a {@code kill -9} can only take back commits the chain has not seen; a later write of a case
 * (one of its writes noted already, so the case is in the file) appends its entry to {@link
 * JournalAhead} instead, which is put back at start-up where the database lost it.
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
    private final JournalAhead ahead;

    ChainWriter(Ledger ledger, EngineAccount account, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                FaultInjection faults, EmbeddedStore store, JournalAhead ahead) {
        this.ledger = ledger;
        this.store = store;
        this.ahead = ahead;
        this.account = account;
        this.jdbc = jdbc;
        this.faults = faults;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Calls {@code contractAddress} with {@code input} from the account of {@code signer}, once for {@code writeKey}. */
    TransactionReceipt call(TransactionSigner signer, String writeKey, String contractName, String contractAddress, byte[] input) {
        return write(signer, writeKey, contractName, contractAddress, input, "", null);
    }

    /**
     * {@link #call} for a write of the case {@code caseId} (its key begins {@code <caseId>/}): once
     * one of the case's writes has its receipt noted, the journal entry goes ahead of the database's
     * file ({@link JournalAhead}) instead of waiting for a store.
     */
    TransactionReceipt callForCase(TransactionSigner signer, String caseId, String writeKey, String contractName,
                                   String contractAddress, byte[] input) {
        return write(signer, writeKey, contractName, contractAddress, input, "", caseId);
    }

    /** Deploys a contract from the engine account, once for {@code writeKey}. */
    TransactionReceipt deploy(String writeKey, String contractName, byte[] bytecode, String abi) {
        return write(account.signer(), writeKey, contractName, "", bytecode, abi, null);
    }

    private TransactionReceipt write(TransactionSigner signer, String key, String contract, String to, byte[] input, String abi,
                                     String caseId) {
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
        // the journal entry in a file, and for a case's first write every commit before it (the case
        // itself): after a crash the retry finds it
        if (caseId != null && ahead.present() && noted(caseId)) {
            ahead.append(new JournalAhead.Entry(key, contract, entry.txHash(), entry.signedTx(), entry.blockLimit(),
                    System.currentTimeMillis()));
        } else {
            store.writeBefore("the transaction for " + key + " is sent");
        }
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
            separately.executeWithoutResult(s -> insert(key, contract, tx, now()));
            return tx;
        } catch (DuplicateKeyException raced) {
            return journalled(key).orElseThrow(() -> raced);
        }
    }

    private void insert(String key, String contract, Journalled tx, Timestamp createdAt) {
        jdbc.update("INSERT INTO ac_chain_write (write_key, contract_name, tx_hash, signed_tx, block_limit, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", key, contract, tx.txHash(), tx.signedTx(), tx.blockLimit(), createdAt);
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

    /** Whether a write of the case has its receipt noted (and so the case's first write was in the file before it left). */
    private boolean noted(String caseId) {
        return !jdbc.queryForList("SELECT 1 FROM ac_chain_write WHERE write_key > ? AND write_key < ? AND completed_at IS NOT NULL "
                + "FETCH FIRST 1 ROWS ONLY", Integer.class, caseId + "/", caseId + (char) ('/' + 1)).isEmpty();
    }

    /**
     * Puts back the journal entries a killed run wrote ahead of the database that the database lost
     * (a later entry of a key over an earlier one whose receipt is not noted), before any write can
     * look for them; then lets go of them once they are in the database's file.
     */
    @PostConstruct
    void putBackWhatTheLastRunWroteAhead() {
        Map<String, JournalAhead.Entry> latest = new LinkedHashMap<>();
        ahead.leftByTheLastRun().forEach(e -> latest.put(e.key(), e));
        int putBack = 0;
        for (JournalAhead.Entry e : latest.values()) {
            Optional<Boolean> sameOrNoted = jdbc.query("SELECT tx_hash = ? OR completed_at IS NOT NULL FROM ac_chain_write "
                    + "WHERE write_key = ?", (rs, n) -> rs.getBoolean(1), e.txHash(), e.key()).stream().findFirst();
            Journalled tx = new Journalled(e.txHash(), e.signedTx(), e.blockLimit());
            if (sameOrNoted.isEmpty()) {
                insert(e.key(), e.contract(), tx, new Timestamp(e.createdAtMillis()));
                putBack++;
            } else if (!sameOrNoted.get()) {
                rejournal(e.key(), tx);
                putBack++;
            }
        }
        if (putBack > 0) {
            log.warn("LEDGER-308 put back {} journal entries of chain writes that the last run wrote ahead of the database "
                    + "and the database lost", putBack);
        }
        ahead.letGoOfTheLastRun();
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
