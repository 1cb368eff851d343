package org.approvalchain.engine.ledger.embedded;

import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.LedgerProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the embedded ledger unless another adapter is configured: the one-machine default. It
 * backs off when a {@link Ledger} exists already, e.g. in a parent context that several engine
 * nodes in one JVM share (one chain: libevm allows one writer per state database).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingBean(Ledger.class)
@ConditionalOnProperty(prefix = "approvalchain.ledger", name = "adapter", havingValue = "embedded", matchIfMissing = true)
class EmbeddedLedgerConfiguration {

    @Bean(destroyMethod = "close")
    Ledger embeddedLedger(LedgerProperties properties) {
        return EmbeddedLedger.open(properties.crypto(), properties.embedded());
    }
}
