package org.approvalchain.engine.ledger.embedded;

import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.LedgerProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Provides the embedded ledger unless another adapter is configured: the one-machine default. It
 * backs off when a {@link Ledger} exists already, e.g. in a parent context that several engine
 * nodes in one JVM share (one chain: libevm allows one writer per state database).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingBean(Ledger.class)
@ConditionalOnProperty(prefix = "approvalchain.ledger", name = "adapter", havingValue = "embedded", matchIfMissing = true)
class EmbeddedLedgerConfiguration {

    /**
     * The engine opens the chain on its latest block and verifies the rest in the background, so
     * that its start does not grow with the chain; the command-line verifier ({@code
     * --approvalchain.verify}), which has no readiness to report, verifies the whole chain first.
     */
    @Bean(destroyMethod = "close")
    Ledger embeddedLedger(LedgerProperties properties, Environment environment) {
        return environment.containsProperty("approvalchain.verify")
                ? EmbeddedLedger.open(properties.crypto(), properties.embedded())
                : EmbeddedLedger.openVerifyingInBackground(properties.crypto(), properties.embedded());
    }
}
