package org.approvalchain.engine.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.approvalchain.contracts.AbiCodec;
import org.approvalchain.contracts.CaseLedgerContract;
import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.contracts.DecisionRegistryContract;
import org.approvalchain.contracts.EligibilityRuleContract;
import org.approvalchain.contracts.LicenseRegistryContract;
import org.approvalchain.engine.ledger.Block;
import org.approvalchain.engine.ledger.EventLog;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.TransactionReceipt;

/**
 * What the chain itself says about a case, read from the events the contracts emitted and decoded
 * by the typed facades: which steps {@code CaseLedger} recorded, which decisions {@code
 * DecisionRegistry} recorded, what {@code EligibilityRule} evaluated and {@code LicenseRegistry}
 * issued. Every entry is one event: a duplicate write would show as a repeated entry.
 */
final class ChainEvidence {

    private final Ledger ledger;
    private final Map<String, String> addresses;
    private final CaseLedgerContract caseLedger;
    private final DecisionRegistryContract decisions;
    private final EligibilityRuleContract eligibility;
    private final LicenseRegistryContract licences;

    ChainEvidence(Ledger ledger, Map<String, String> addresses) {
        this.ledger = ledger;
        this.addresses = addresses;
        AbiCodec codec = new AbiCodec(ChainCrypto.ECDSA);
        this.caseLedger = new CaseLedgerContract(codec);
        this.decisions = new DecisionRegistryContract(codec);
        this.eligibility = new EligibilityRuleContract(codec);
        this.licences = new LicenseRegistryContract(codec);
    }

    /** How many times the case was opened on {@code CaseLedger}. */
    long casesOpened(String caseId) {
        return events(CaseLedgerContract.NAME, caseLedger::caseOpened).stream().filter(e -> e.caseId().equals(caseId)).count();
    }

    /** The activity instances recorded as steps of the case, one entry per {@code StepRecorded} event. */
    List<String> steps(String caseId) {
        return events(CaseLedgerContract.NAME, caseLedger::stepRecorded).stream()
                .filter(e -> e.caseId().equals(caseId)).map(CaseLedgerContract.StepRecorded::activityInstanceId).toList();
    }

    /** The tasks of the case with a recorded decision, one entry per {@code DecisionRecorded} event. */
    List<String> decisions(String caseId) {
        return events(DecisionRegistryContract.NAME, decisions::decisionRecorded).stream()
                .filter(e -> e.caseId().equals(caseId)).map(DecisionRegistryContract.DecisionRecorded::taskId).toList();
    }

    /** How many times the eligibility rule was evaluated for the case. */
    long evaluations(String caseId) {
        return events(EligibilityRuleContract.NAME, eligibility::evaluated).stream().filter(e -> e.caseId().equals(caseId)).count();
    }

    /** How many licences were issued under the case's number (the demo process uses the case id). */
    long licencesIssued(String caseId) {
        return events(LicenseRegistryContract.NAME, licences::licenseIssued).stream().filter(e -> e.licenseNo().equals(caseId)).count();
    }

    /** Every transaction on the chain that did not succeed, with its revert reason: a repeated write would revert. */
    List<String> failedTransactions() {
        List<String> failed = new ArrayList<>();
        for (long n = 1; n <= ledger.status().blockNumber(); n++) {
            Block block = ledger.blockByNumber(n).orElseThrow();
            for (String hash : block.transactionHashes()) {
                TransactionReceipt receipt = ledger.receipt(hash).orElseThrow();
                if (!receipt.succeeded()) {
                    failed.add(hash + " in block " + n + ": " + receipt.revertReason());
                }
            }
        }
        return failed;
    }

    private <E> List<E> events(String contract, BiFunction<List<String>, byte[], Optional<E>> decode) {
        return ledger.events(addresses.get(contract), 0, ledger.status().blockNumber()).stream()
                .map((EventLog log) -> decode.apply(log.topics(), log.data())).flatMap(Optional::stream).toList();
    }
}
