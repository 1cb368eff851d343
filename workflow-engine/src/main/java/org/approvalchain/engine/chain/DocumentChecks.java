package org.approvalchain.engine.chain;

import java.util.List;

import org.approvalchain.contracts.DocumentEvidenceContract;
import org.approvalchain.contracts.DocumentEvidenceContract.EvidenceRecord;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.springframework.stereotype.Component;
import org.web3j.utils.Numeric;

/**
 * A case's materials as the chain knows them: the documents a {@code DocumentEvidence.check}
 * transaction checked (from its {@code EvidenceChecked} events), each with what the check found and
 * what the chain says of the document now (anchored, by whom, revoked since).
 */
@Component
public class DocumentChecks {

    private final Ledger ledger;
    private final Contracts contracts;
    private final DocumentEvidenceContract evidence;

    DocumentChecks(Ledger ledger, Contracts contracts) {
        this.ledger = ledger;
        this.contracts = contracts;
        this.evidence = new DocumentEvidenceContract(contracts.codec());
    }

    /**
     * A document checked for a case.
     *
     * @param documentHash the document's SM3 evidence hash, 0x-hex
     * @param validWhenChecked what the check found: anchored as that type and not revoked
     * @param anchored whether the document is anchored now
     * @param revoked whether its issuer has revoked it since
     */
    public record DocumentCheck(String documentHash, String documentType, boolean validWhenChecked, String checkTxHash,
                                long checkBlock, boolean anchored, boolean revoked, String issuerDepartment) {
    }

    /** The documents the transaction {@code txHash} checked; empty when it is not on chain or checked none. */
    public List<DocumentCheck> checkedIn(String txHash) {
        return ledger.receipt(txHash).stream().flatMap(receipt -> receipt.logs().stream()
                        .filter(log -> log.address().equalsIgnoreCase(contracts.address(DocumentEvidenceContract.NAME)))
                        .flatMap(log -> evidence.evidenceChecked(log.topics(), log.data()).stream())
                        .map(checked -> now(checked, receipt)))
                .toList();
    }

    /** What the chain says of a document now: whether it is anchored, by whom, as what, when, and revoked since. */
    EvidenceRecord evidence(byte[] documentHash) {
        CallResult result = contracts.read(DocumentEvidenceContract.NAME, evidence.verify(documentHash));
        if (!result.succeeded()) {
            throw new IllegalStateException("EVIDENCE-101 reading DocumentEvidence failed: " + result.revertReason());
        }
        return evidence.decodeEvidence(result.output());
    }

    private DocumentCheck now(DocumentEvidenceContract.EvidenceChecked checked, TransactionReceipt receipt) {
        EvidenceRecord record = evidence(checked.documentHash());
        return new DocumentCheck(Numeric.toHexString(checked.documentHash()), checked.documentType(), checked.valid(),
                receipt.transactionHash(), receipt.blockNumber(), record.anchored(), record.revoked(),
                record.issuerDepartment());
    }
}
