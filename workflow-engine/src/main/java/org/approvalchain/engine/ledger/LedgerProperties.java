package org.approvalchain.engine.ledger;

import java.nio.file.Path;
import java.time.Duration;

import org.approvalchain.contracts.ChainCrypto;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ledger settings ({@code approvalchain.ledger.*}): which adapter, which crypto, and each
 * adapter's own settings.
 *
 * @param adapter {@code embedded} (default: an EVM ledger inside this process) or {@code fisco}
 * @param crypto {@code ecdsa} (default) or {@code sm}
 * @param accountKeyFile the engine's department account: the private key (hex) it signs its
 *     transactions with; created on first start when missing, readable by the owner only
 */
@ConfigurationProperties("approvalchain.ledger")
public record LedgerProperties(@DefaultValue("embedded") Adapter adapter,
                               @DefaultValue("ecdsa") ChainCrypto crypto,
                               @DefaultValue("data/engine/department.key") Path accountKeyFile,
                               @DefaultValue Embedded embedded,
                               @DefaultValue Fisco fisco) {

    public enum Adapter { EMBEDDED, FISCO }

    /**
     * @param dataDir where the embedded ledger keeps its blocks, state and node key
     * @param chainId chain id that transactions must carry
     * @param groupId group id that transactions must carry
     * @param maxBlockTransactions a block is sealed when it holds this many transactions...
     * @param maxBlockInterval ...or when its oldest transaction has waited this long; 0 seals as
     *     soon as the EVM thread is free, so a block holds whatever arrived while the last one sealed
     * @param blockLimitWindow how far ahead of the current height a transaction's block limit may be
     */
    public record Embedded(@DefaultValue("data/ledger") Path dataDir,
                           @DefaultValue("chain0") String chainId,
                           @DefaultValue("group0") String groupId,
                           @DefaultValue("200") int maxBlockTransactions,
                           @DefaultValue("0ms") Duration maxBlockInterval,
                           @DefaultValue("1000") int blockLimitWindow) {
    }

    /**
     * @param configFile the FISCO BCOS SDK {@code config.toml}; its {@code certPath} holds the
     *     node's CA and SDK certificates, which are never committed
     * @param group the chain group the engine works in
     * @param certPath when set, replaces the {@code certPath} of the config file (a relative
     *     {@code certPath} in the file is resolved against the file's folder)
     * @param connectTimeout how long start-up waits for a peer to accept the connection and
     *     answer, before it fails with a message naming the peers
     */
    public record Fisco(Path configFile, @DefaultValue("group0") String group, Path certPath,
                        @DefaultValue("5s") Duration connectTimeout) {
    }
}
