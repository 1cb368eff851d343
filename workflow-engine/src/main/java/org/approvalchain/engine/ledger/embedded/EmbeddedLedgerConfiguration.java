package org.approvalchain.engine.ledger.embedded;

import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.LedgerProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Provides the embedded ledger unless another adapter is configured: the one-machine default. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "approvalchain.ledger", name = "adapter", havingValue = "embedded", matchIfMissing = true)
class EmbeddedLedgerConfiguration {

    @Bean(destroyMethod = "close")
    Ledger embeddedLedger(LedgerProperties properties) {
        return EmbeddedLedger.open(properties.crypto(), properties.embedded());
    }
}
