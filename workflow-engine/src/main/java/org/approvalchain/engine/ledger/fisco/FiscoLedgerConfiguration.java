package org.approvalchain.engine.ledger.fisco;

import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.LedgerProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Provides the FISCO BCOS ledger when {@code approvalchain.ledger.adapter=fisco}; start-up fails loudly if it cannot connect. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "approvalchain.ledger", name = "adapter", havingValue = "fisco")
class FiscoLedgerConfiguration {

    @Bean
    Ledger fiscoLedger(LedgerProperties properties) {
        return FiscoLedger.connect(properties);
    }
}
