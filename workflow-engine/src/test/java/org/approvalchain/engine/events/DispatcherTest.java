package org.approvalchain.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The dispatcher's back-off: the first retry after first-retry, doubled after each failure, capped. */
class DispatcherTest {

    private final Dispatcher dispatcher = new Dispatcher(null, new EventsProperties("urn:test", Path.of("unused.key"),
            Duration.ofMillis(500), 20, Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofMinutes(5),
            Duration.ofSeconds(10), new EventsProperties.RabbitMq(false, "approvalchain.events")), List.of(), null);

    @Test
    void waitsTwiceAsLongAfterEachFailureUpToTheMaximum() {
        assertThat(List.of(1, 2, 3, 4, 9, 10, 100)).extracting(dispatcher::backoff).containsExactly(Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(256),
                Duration.ofMinutes(5), Duration.ofMinutes(5));
    }
}
