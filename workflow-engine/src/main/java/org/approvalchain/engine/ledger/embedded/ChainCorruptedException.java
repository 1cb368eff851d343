package org.approvalchain.engine.ledger.embedded;

import java.util.List;

import org.approvalchain.engine.ledger.LedgerUnavailableException;

/**
 * The stored chain does not verify ({@code LEDGER-210}): each finding names the block and what is
 * wrong with it. The ledger is unavailable while it holds such a chain: an API request that needs it
 * is answered 503.
 */
public class ChainCorruptedException extends LedgerUnavailableException {

    private final List<String> findings;

    public ChainCorruptedException(List<String> findings) {
        super("LEDGER-210", "the embedded chain does not verify: " + String.join("; ", findings));
        this.findings = List.copyOf(findings);
    }

    public List<String> findings() {
        return findings;
    }
}
