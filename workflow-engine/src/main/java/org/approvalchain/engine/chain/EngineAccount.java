package org.approvalchain.engine.chain;

import org.approvalchain.engine.ledger.KeyFile;
import org.approvalchain.engine.ledger.LedgerProperties;
import org.approvalchain.engine.ledger.TransactionSigner;
import org.springframework.stereotype.Component;

/**
 * The department account the engine signs its chain writes with. Its key is read from
 * {@code approvalchain.ledger.account-key-file} (created on first start on the embedded defaults).
 */
@Component
class EngineAccount {

    private final TransactionSigner signer;

    EngineAccount(LedgerProperties properties) {
        this.signer = new TransactionSigner(properties.crypto(), KeyFile.loadOrCreate(properties.accountKeyFile()));
    }

    String address() {
        return signer.address();
    }

    TransactionSigner signer() {
        return signer;
    }
}
