package org.approvalchain.engine.events;

import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription as administrators see it (never its secret): where events of which types
 * are POSTed, who created it, and how many of its deliveries are still waiting.
 */
public record Subscription(String id, String url, List<String> eventTypes, String createdBy, Instant createdAt,
                           long undelivered) {
}
