package org.approvalchain.engine.ledger.embedded;

import java.util.List;

/** The stored chain does not verify: each finding names the block and what is wrong with it. */
public class ChainCorruptedException extends RuntimeException {

    private final List<String> findings;

    public ChainCorruptedException(List<String> findings) {
        super("LEDGER-210 the embedded chain does not verify: " + String.join("; ", findings));
        this.findings = List.copyOf(findings);
    }

    public List<String> findings() {
        return findings;
    }
}
