package org.approvalchain.engine.ledger;

import org.springframework.stereotype.Component;

/**
 * The department account the engine signs its chain writes with. Its key is read from
 * {@code approvalchain.ledger.account-key-file} (created on first start on the embedded defaults).
 */
@Component
public class EngineAccount {

    private final TransactionSigner signer;

    EngineAccount(LedgerProperties properties) {
        this.signer = new TransactionSigner(properties.crypto(), KeyFile.loadOrCreate(properties.accountKeyFile()));
    }

    public String address() {
        return signer.address();
    }

    TransactionSigner signer() {
        return signer;
    }
}
