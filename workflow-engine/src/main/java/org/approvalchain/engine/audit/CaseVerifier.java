package org.approvalchain.engine.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.approvalchain.contracts.CaseLedgerContract;
import org.approvalchain.contracts.CaseLedgerContract.StepRecord;
import org.approvalchain.contracts.CaseLedgerContract.StepRecorded;
import org.approvalchain.engine.audit.Verification.Finding;
import org.approvalchain.engine.audit.Verification.Kind;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.DeployedContracts;
import org.approvalchain.engine.ledger.EventLog;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.web3j.utils.Numeric;

/**
 * Checks a case's steps and decisions, as the engine recorded them, against the chain: each step
 * on {@code CaseLedger} with the same kind and result hash, in the same order, with its
 * transactions' receipts; each decision in {@code DecisionRegistry} (see {@link DecisionCheck});
 * and no step on chain that the engine has no record of.
 */
@Service
public class CaseVerifier {

    private final JdbcTemplate jdbc;
    private final Ledger ledger;
    private final DeployedContracts contracts;
    private final CaseLedgerContract caseLedger;
    private final DecisionCheck decisions;

    CaseVerifier(JdbcTemplate jdbc, Ledger ledger, DeployedContracts contracts) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.contracts = contracts;
        this.caseLedger = new CaseLedgerContract(contracts.codec());
        this.decisions = new DecisionCheck(ledger, contracts);
    }

    /** Does the engine hold any record of this case? */
    public boolean knows(String caseId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ac_case_step WHERE case_id = ?", Long.class, caseId) > 0
                || jdbc.queryForObject("SELECT COUNT(*) FROM ac_decision WHERE case_id = ?", Long.class, caseId) > 0;
    }

    /** Every case the engine has recorded steps or decisions of. */
    public List<String> caseIds() {
        return jdbc.queryForList("SELECT case_id FROM ac_case_step UNION SELECT case_id FROM ac_decision ORDER BY case_id",
                String.class);
    }

    public Verification verify(String caseId) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Long> sequences = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM ac_case_step WHERE case_id = ? ORDER BY step_block, recorded_at", rs -> {
            EngineStep step = new EngineStep(rs.getString("step_key"), rs.getString("kind"), rs.getString("result_hash"),
                    rs.getString("call_tx_hash"), rs.getObject("call_block", Long.class),
                    rs.getObject("call_status", Integer.class), rs.getString("step_tx_hash"), rs.getLong("step_block"));
            checkStep(caseId, step, findings).ifPresent(sequence -> sequences.put(step.key(), sequence));
        }, caseId);
        checkOrder(sequences, findings);
        checkExtra(caseId, sequences.keySet(), findings);
        jdbc.query("SELECT * FROM ac_decision WHERE case_id = ? AND state = 'RECORDED' ORDER BY decision_block", rs -> {
            findings.addAll(decisions.check(caseId, rs));
        }, caseId);
        return Verification.of(caseId, findings);
    }

    private record EngineStep(String key, String kind, String resultHash, String callTx, Long callBlock,
                              Integer callStatus, String stepTx, long stepBlock) {
    }

    /** Checks one step; returns its on-chain sequence when it is on chain. */
    private Optional<Long> checkStep(String caseId, EngineStep step, List<Finding> findings) {
        String activityInstance = step.key().substring(caseId.length() + 1);
        CallResult result = ledger.call(null, contracts.address(CaseLedgerContract.NAME),
                caseLedger.getStep(caseId, activityInstance));
        Optional<StepRecord> onChain = result.succeeded() ? caseLedger.decodeStep(result.output()) : Optional.empty();
        checkReceipt(step.key(), "step_tx", step.stepTx(), step.stepBlock(), TransactionReceipt.STATUS_OK, findings);
        if (step.callTx() != null) {
            checkReceipt(step.key(), "call_tx", step.callTx(), step.callBlock(), step.callStatus(), findings);
        }
        if (onChain.isEmpty()) {
            findings.add(new Finding(Kind.MISSING, step.key(), "step", "kind " + step.kind() + ", result " + step.resultHash(), null));
            return Optional.empty();
        }
        StepRecord chain = onChain.get();
        differs(step.key(), "kind", step.kind(), chain.kind().name(), findings);
        differs(step.key(), "result_hash", hex(step.resultHash()), Numeric.toHexString(chain.resultHash()), findings);
        return Optional.of(chain.sequence());
    }

    private void checkReceipt(String key, String field, String txHash, Long block, Integer status, List<Finding> findings) {
        Optional<TransactionReceipt> receipt = ledger.receipt(txHash);
        if (receipt.isEmpty()) {
            findings.add(new Finding(Kind.MISSING, key, field, txHash, null));
            return;
        }
        differs(key, field + " block", String.valueOf(block), String.valueOf(receipt.get().blockNumber()), findings);
        differs(key, field + " status", String.valueOf(status), String.valueOf(receipt.get().status()), findings);
    }

    /** The engine's order (step block, then time) must be the chain's sequence order. */
    private static void checkOrder(Map<String, Long> sequences, List<Finding> findings) {
        List<String> engineOrder = new ArrayList<>(sequences.keySet());
        List<String> chainOrder = sequences.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
        for (int i = 0; i < engineOrder.size(); i++) {
            if (!engineOrder.get(i).equals(chainOrder.get(i))) {
                findings.add(new Finding(Kind.REORDERED, engineOrder.get(i), "sequence", "position " + (i + 1),
                        "sequence " + sequences.get(engineOrder.get(i)) + ", position " + (chainOrder.indexOf(engineOrder.get(i)) + 1)));
            }
        }
    }

    /** Steps the chain recorded for this case that the engine has no row for. */
    private void checkExtra(String caseId, java.util.Set<String> known, List<Finding> findings) {
        String address = contracts.address(CaseLedgerContract.NAME);
        for (EventLog log : ledger.events(address, 0, ledger.status().blockNumber())) {
            Optional<StepRecorded> event = caseLedger.stepRecorded(log.topics(), log.data());
            if (event.isPresent() && event.get().caseId().equals(caseId)
                    && !known.contains(caseId + "/" + event.get().activityInstanceId())) {
                StepRecorded e = event.get();
                findings.add(new Finding(Kind.EXTRA, caseId + "/" + e.activityInstanceId(), "step", null, "sequence "
                        + e.sequence() + ", kind " + e.kind() + ", result " + Numeric.toHexString(e.resultHash())
                        + ", tx " + log.transactionHash()));
            }
        }
    }

    static void differs(String subject, String field, String engine, String chain, List<Finding> findings) {
        if (engine == null ? chain != null : !engine.equalsIgnoreCase(chain)) {
            findings.add(new Finding(Kind.ALTERED, subject, field, engine, chain));
        }
    }

    static String hex(String value) {
        return value == null ? null : (value.startsWith("0x") ? value : "0x" + value).toLowerCase();
    }
}
