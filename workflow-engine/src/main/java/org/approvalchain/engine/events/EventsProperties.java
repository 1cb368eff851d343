package org.approvalchain.engine.events;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Case event settings ({@code approvalchain.events.*}).
 *
 * @param source the CloudEvents {@code source} of every event: which engine (department) sent it
 * @param signingKeyFile the department's SM2 events key (hex private key, created on first start when
 *     missing, readable by the owner only); on an SM chain it may be the account key file itself
 * @param pollInterval how often the dispatcher looks for due deliveries when it found none
 * @param batchSize how many due deliveries one node claims at a time
 * @param claimTime how long a claim holds: a delivery still claimed after this (its node died) is
 *     taken up again; longer than the webhook timeout
 * @param firstRetry the wait after the first failed attempt, doubled after each further one...
 * @param maxRetryInterval ...up to this; deliveries are retried until they succeed
 * @param webhookTimeout how long a webhook receiver may take to connect and answer
 */
@ConfigurationProperties("approvalchain.events")
public record EventsProperties(@DefaultValue("urn:approvalchain:engine") String source,
                               @DefaultValue("data/engine/events-sm2.key") Path signingKeyFile,
                               @DefaultValue("500ms") Duration pollInterval,
                               @DefaultValue("20") int batchSize,
                               @DefaultValue("60s") Duration claimTime,
                               @DefaultValue("1s") Duration firstRetry,
                               @DefaultValue("5m") Duration maxRetryInterval,
                               @DefaultValue("10s") Duration webhookTimeout,
                               @DefaultValue RabbitMq rabbitmq) {

    /**
     * @param enabled whether events also go to RabbitMQ (off on the embedded defaults; the broker is
     *     configured with Spring Boot's {@code spring.rabbitmq.*})
     * @param exchange the durable topic exchange events are published to, routed by their type
     */
    public record RabbitMq(@DefaultValue("false") boolean enabled,
                           @DefaultValue("approvalchain.events") String exchange) {
    }
}
