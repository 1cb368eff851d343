package org.approvalchain.engine.support;

import java.nio.file.Path;
import java.time.Duration;

import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.LedgerProperties;
import org.approvalchain.engine.ledger.embedded.EmbeddedLedger;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * One embedded chain for several engine nodes in one JVM: a parent application context whose only
 * bean is the {@link Ledger}. The nodes' own embedded ledger configuration backs off when it sees
 * it, so all of them write to the same chain, as nodes of one department would to their FISCO BCOS
 * node. (libevm allows one writer per state database, so two embedded ledgers on one directory
 * could not work.)
 */
public final class SharedChain implements AutoCloseable {

    private final GenericApplicationContext context = new GenericApplicationContext();

    private SharedChain(Path ledgerDir) {
        LedgerProperties.Embedded settings = new LedgerProperties.Embedded(ledgerDir, "chain0", "group0", 200,
                Duration.ZERO, 1000);
        context.registerBean(Ledger.class, () -> EmbeddedLedger.open(ChainCrypto.ECDSA, settings),
                definition -> definition.setDestroyMethodName("close"));
        context.refresh();
    }

    /** An ECDSA chain keeping its data in {@code ledgerDir}. */
    public static SharedChain open(Path ledgerDir) {
        return new SharedChain(ledgerDir);
    }

    public Ledger ledger() {
        return context.getBean(Ledger.class);
    }

    /** The parent context for the nodes. */
    ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
