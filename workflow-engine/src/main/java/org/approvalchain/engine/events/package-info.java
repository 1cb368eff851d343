/**
 * Case events for the systems around the engine (the 一网通办 platform, a department's own
 * systems): every case started, step recorded on chain, task created, decision recorded, case
 * ended and incident becomes a CloudEvents 1.0 JSON document signed SM2 by the department's events
 * key ({@link org.approvalchain.engine.events.CaseEvents}), written to an outbox in the transaction
 * that changed the engine's state, and delivered at least once by a background dispatcher to the
 * webhook subscriptions administrators manage ({@link org.approvalchain.engine.events.Subscriptions})
 * and, when enabled, to a RabbitMQ topic exchange. The undelivered backlog is
 * {@link org.approvalchain.engine.events.EventBacklog}. Camunda's side is the {@code camunda}
 * adapter; the transports are {@code webhook} and {@code rabbitmq}. See docs/events.md.
 */
package org.approvalchain.engine.events;
