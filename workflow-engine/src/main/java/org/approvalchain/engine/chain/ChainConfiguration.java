package org.approvalchain.engine.chain;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The chain capability's one choice: the fault injection, none unless a crash test asks for it. */
@Configuration(proxyBeanMethods = false)
class ChainConfiguration {

    /** No shipped configuration sets {@code approvalchain.test.halt-at}; only the crash tests do. */
    @Bean
    FaultInjection faultInjection(Environment environment) {
        String haltAt = environment.getProperty("approvalchain.test.halt-at");
        return haltAt == null || haltAt.isBlank() ? FaultInjection.NONE : new HaltAtCrashPoint(haltAt);
    }
}
