package org.approvalchain.engine.process;

import org.approvalchain.contracts.EligibilityRuleContract;
import org.approvalchain.engine.chain.EvidenceHash;
import org.springframework.stereotype.Component;
import org.web3j.utils.Numeric;

/**
 * Helpers a process designer can use in input expressions, as {@code ${chain.…}}: for example
 * {@code ${chain.text32('applicant-age')}} for a {@code bytes32} rule criterion, or {@code
 * ${chain.document('property-title', propertyCertificateNo, sellerRef)}} for the hash under which an
 * issuing authority anchors a record in {@code DocumentEvidence}.
 */
@Component("chain")
public class ChainExpressions {

    /** A short ASCII name as a right-padded {@code bytes32}, 0x-prefixed hex. */
    public String text32(String name) {
        return Numeric.toHexString(EligibilityRuleContract.criterion(name));
    }

    /** The evidence hash of a record ({@link EvidenceHash}). */
    public String document(String type, Object reference, Object holder) {
        return EvidenceHash.of(type, reference, holder);
    }
}
