package org.approvalchain.engine.process;

import java.nio.charset.StandardCharsets;

import org.approvalchain.contracts.EligibilityRuleContract;
import org.approvalchain.engine.signing.Sm3;
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

    /**
     * The evidence hash of a record: SM3 of the UTF-8 text {@code type LF reference LF holder}, 0x-prefixed
     * hex. An authority anchors this hash when it issues the record (a title, a tax voucher, a
     * certificate); a case recomputes it from the application's references to check the material.
     * Only the hash reaches the chain.
     */
    public String document(String type, Object reference, Object holder) {
        if (type == null || reference == null || holder == null) {
            throw new IllegalArgumentException("chain.document needs a type, a reference and a holder, got "
                    + type + ", " + reference + ", " + holder);
        }
        return Sm3.hex((type + "\n" + reference + "\n" + holder).getBytes(StandardCharsets.UTF_8));
    }
}
