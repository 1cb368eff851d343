package org.approvalchain.engine.events;

/**
 * One event to one target, as a dispatcher claimed it: the event's id, type and signed JSON
 * document, and for a webhook the subscription's URL and secret.
 *
 * @param attempts how many attempts were made before this one
 */
public record Delivery(long id, String eventId, String type, String body, Transport transport, String subscriptionId,
                       String url, String secret, int attempts) {

    /** How an event leaves the engine. */
    public enum Transport { WEBHOOK, RABBITMQ }
}
