package org.approvalchain.engine.ledger;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} shows the ledger: adapter, crypto, chain, group and height. */
@Component
class LedgerHealthIndicator implements HealthIndicator {

    private final Ledger ledger;

    LedgerHealthIndicator(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Health health() {
        try {
            LedgerStatus status = ledger.status();
            return Health.up()
                    .withDetail("adapter", status.adapter())
                    .withDetail("crypto", status.crypto())
                    .withDetail("chainId", status.chainId())
                    .withDetail("groupId", status.groupId())
                    .withDetail("blockNumber", status.blockNumber())
                    .withDetail("latestBlockHash", status.latestBlockHash())
                    .build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getMessage()).build();
        }
    }
}
