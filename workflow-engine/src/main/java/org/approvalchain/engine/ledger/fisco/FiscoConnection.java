package org.approvalchain.engine.ledger.fisco;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.approvalchain.engine.ledger.LedgerUnavailableException;
import org.fisco.bcos.sdk.jni.BcosSDKJniObj;
import org.fisco.bcos.sdk.v3.client.Client;
import org.fisco.bcos.sdk.v3.client.exceptions.ClientException;
import org.fisco.bcos.sdk.v3.config.ConfigOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the SDK {@link Client} for one group, turning each way start-up can fail into one
 * {@link LedgerUnavailableException} that names the peer or file to fix, within a bounded time.
 * Observed with SDK 3.6.0: a refused port fails in ~0.3 s with a JNI "connection refused"; unreadable
 * certificates fail at once with an OpenSSL error; a port that accepts TCP but never answers the TLS
 * handshake makes {@code Client.build} block indefinitely, hence the timeout.
 */
final class FiscoConnection {

    private static final Logger log = LoggerFactory.getLogger(FiscoConnection.class);

    private FiscoConnection() {
    }

    static Client open(FiscoConfig config, String group, Duration timeout) {
        List<String> peers = config.peers();
        List<String> down = PeerProbe.unreachable(peers, timeout);
        if (down.size() == peers.size()) {
            throw fail("LEDGER-101", "FISCO BCOS peer unreachable: " + String.join(", ", down)
                    + " (config: " + config.source() + ")", null);
        }
        if (!down.isEmpty()) {
            log.warn("LEDGER-108 FISCO BCOS peer unreachable, continuing with the others: {} (config: {})",
                    String.join(", ", down), config.source());
        }
        ConfigOption option = config.option();
        long sdk = createSdk(config, option);
        CompletableFuture<Client> building = CompletableFuture.supplyAsync(
                () -> Client.build(group, option, sdk), FiscoConnection::startDaemon);
        try {
            return building.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // The native handshake cannot be interrupted: release whatever it ends with, if it ever ends.
            building.whenComplete((client, error) -> release(client, sdk));
            throw fail("LEDGER-105", "FISCO BCOS peer did not answer within " + timeout.toMillis() + " ms: "
                    + String.join(", ", peers) + " (config: " + config.source() + ")", e);
        } catch (ExecutionException e) {
            release(null, sdk);
            throw translate(e.getCause(), config, group, peers);
        } catch (InterruptedException e) {
            building.whenComplete((client, error) -> release(client, sdk));
            Thread.currentThread().interrupt();
            throw fail("LEDGER-105", "interrupted while connecting to FISCO BCOS peers " + peers, e);
        }
    }

    /** The native SDK object: this parses the certificates, so a broken PEM file fails here. */
    private static long createSdk(FiscoConfig config, ConfigOption option) {
        try {
            return BcosSDKJniObj.create(option.getJniConfig());
        } catch (Exception e) { // JniException is checked but thrown from native code undeclared
            throw fail("LEDGER-104", "FISCO BCOS SDK rejected the certificates in " + config.certPath()
                    + ": " + reason(e) + " (config: " + config.source() + ")", e);
        }
    }

    private static LedgerUnavailableException translate(Throwable cause, FiscoConfig config, String group,
                                                        List<String> peers) {
        String where = " (config: " + config.source() + ")";
        String reason = reason(cause);
        if (cause instanceof ClientException && reason.contains("group not exist")) {
            return fail("LEDGER-106", "FISCO BCOS group '" + group + "' not found on " + String.join(", ", peers)
                    + where, cause);
        }
        if (reason.contains("handshake")) {
            return fail("LEDGER-104", "FISCO BCOS peer refused the TLS handshake (wrong certificates, or ECDSA "
                    + "vs SM?): " + String.join(", ", peers) + ": " + reason + where, cause);
        }
        return fail("LEDGER-101", "FISCO BCOS peer unreachable: " + String.join(", ", peers) + ": " + reason
                + where, cause);
    }

    /** Frees the native SDK object (tried: safe after a failed {@code Client.build}). */
    private static void release(Client client, long sdk) {
        if (client != null) {
            client.destroy();
        } else {
            BcosSDKJniObj.destroy(sdk);
        }
    }

    /** The useful line of a JNI error (its {@code what:}), or the message as it is. */
    static String reason(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int what = message.indexOf("std::exception::what:");
        String line = what < 0 ? message : message.substring(what + "std::exception::what:".length());
        int end = line.indexOf('\n');
        return (end < 0 ? line : line.substring(0, end)).trim();
    }

    private static LedgerUnavailableException fail(String code, String message, Throwable cause) {
        log.error("{} {}", code, message);
        return new LedgerUnavailableException(code, message, cause);
    }

    private static void startDaemon(Runnable task) {
        Thread thread = new Thread(task, "fisco-connect");
        thread.setDaemon(true);
        thread.start();
    }
}
