package org.approvalchain.engine.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One write serves every thread that asked before it began, and none that asked after: a thread
 * that asks while a write is under way gets a write of its own (or a later thread's) after it.
 */
class SharedWritesTest {

    private final SharedWrites writes = new SharedWrites();
    private final ExecutorService threads = Executors.newFixedThreadPool(3, r -> new Thread(r, "shared-writes-test"));
    private final AtomicInteger written = new AtomicInteger();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void threadsThatAskWhileAWriteIsUnderWayShareTheNextWrite() throws Exception {
        CountDownLatch firstBegan = new CountDownLatch(1);
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        Future<?> first = ask(() -> {
            firstBegan.countDown();
            await(firstMayEnd);
            written.incrementAndGet();
        });
        assertThat(firstBegan.await(10, TimeUnit.SECONDS)).isTrue();

        // two more ask while the first write runs: the first began before they asked, so it serves neither
        List<Future<?>> later = List.of(ask(written::incrementAndGet), ask(written::incrementAndGet));
        while (blockedThreads() < 2) {
            Thread.sleep(1);
        }
        firstMayEnd.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (Future<?> f : later) {
            f.get(10, TimeUnit.SECONDS);
        }

        assertThat(written.get()).as("the first write, then one for both that asked during it").isEqualTo(2);
    }

    @Test
    void aThreadAloneWritesEachTimeItAsks() throws SQLException {
        writes.write(written::incrementAndGet);
        writes.write(written::incrementAndGet);
        assertThat(written.get()).isEqualTo(2);
    }

    @Test
    void aFailedWriteServesNobody() throws SQLException {
        assertThatThrownBy(() -> writes.write(() -> {
            throw new SQLException("disk full");
        })).as("the asker is told").isInstanceOf(SQLException.class).hasMessage("disk full");
        writes.write(written::incrementAndGet);
        assertThat(written.get()).isEqualTo(1);
    }

    private Future<?> ask(SharedWrites.Write write) {
        return threads.submit(() -> {
            writes.write(write);
            return null;
        });
    }

    /** The test's threads waiting to enter the writes (having asked). */
    private static long blockedThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getState() == Thread.State.BLOCKED && t.getName().equals("shared-writes-test")).count();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
