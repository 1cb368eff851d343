package org.approvalchain.engine.ledger.fisco;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Opens (and closes) a plain TCP connection to each peer, all at once, each bounded by the
 * timeout. The SDK fails fast on a refused port but waits on the operating system when a host does
 * not answer; this tells within the timeout which {@code host:port} entries nobody listens on.
 */
final class PeerProbe {

    private PeerProbe() {
    }

    /** The peers, as written in the config, that did not accept a connection within the timeout. */
    static List<String> unreachable(List<String> peers, Duration timeout) {
        List<CompletableFuture<String>> probes = peers.stream()
                .map(peer -> CompletableFuture.supplyAsync(() -> reachable(peer, timeout) ? null : peer,
                        task -> daemon(task).start()))
                .toList();
        return probes.stream().map(CompletableFuture::join).filter(peer -> peer != null).toList();
    }

    private static boolean reachable(String peer, Duration timeout) {
        int colon = peer.lastIndexOf(':');
        if (colon < 1) {
            return false;
        }
        String host = peer.substring(0, colon).replace("[", "").replace("]", "");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, Integer.parseInt(peer.substring(colon + 1).trim())),
                    (int) timeout.toMillis());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "fisco-peer-probe");
        thread.setDaemon(true);
        return thread;
    }
}
