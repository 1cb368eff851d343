package org.approvalchain.engine.api;

import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.approvalchain.engine.events.CaseEventType;
import org.approvalchain.engine.events.EventBacklog;
import org.approvalchain.engine.events.EventSigningKey;
import org.approvalchain.engine.events.Subscription;
import org.approvalchain.engine.events.Subscriptions;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * For administrators: the case events' webhook subscriptions (URL, event types, secret), the
 * backlog of undelivered events and the public key events are signed with (docs/events.md).
 */
@Tag(name = "Case events")
@RestController
@PreAuthorize("hasAuthority('GROUP_camunda-admin')")
class EventSubscriptionsController {

    private final Subscriptions subscriptions;
    private final EventBacklog backlog;
    private final EventSigningKey signingKey;

    EventSubscriptionsController(Subscriptions subscriptions, EventBacklog backlog, EventSigningKey signingKey) {
        this.subscriptions = subscriptions;
        this.backlog = backlog;
        this.signingKey = signingKey;
    }

    /** A new subscription; the secret is never shown again. */
    record NewSubscription(String url, List<String> eventTypes, String secret) {
    }

    @Operation(summary = "Subscribe a webhook to case events",
            description = "Events of the types named are POSTed to the URL, signed with the secret (HMAC-SHA256, "
                    + "docs/events.md); administrators only.")
    @Refusals({"EVENTS-001", "EVENTS-002", "EVENTS-003"})
    @PostMapping("/api/admin/event-subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    Subscription subscribe(@RequestBody NewSubscription request, Principal user) {
        return subscriptions.add(request.url(), request.eventTypes(), request.secret(), user.getName());
    }

    @Operation(summary = "List the event subscriptions", description = "Every webhook subscription, without its secret.")
    @GetMapping("/api/admin/event-subscriptions")
    List<Subscription> all() {
        return subscriptions.all();
    }

    @Operation(summary = "Remove an event subscription", description = "No more events go to it; those waiting are dropped.")
    @Refusals({"EVENTS-004"})
    @DeleteMapping("/api/admin/event-subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unsubscribe(@Parameter(description = "the subscription's id") @PathVariable String id) {
        subscriptions.remove(id);
    }

    /** The events' state: the event types, the deliveries still waiting and since when, the signing key. */
    record EventsStatus(List<String> eventTypes, long undelivered, Instant oldestUndelivered, String signingKeyPem,
                        String signingKeyHex) {
    }

    @Operation(summary = "Read the events' state",
            description = "The event types, the deliveries still waiting and the oldest of them, and the public key "
                    + "that verifies the events' SM2 signatures.")
    @GetMapping("/api/admin/events")
    EventsStatus status() {
        return new EventsStatus(Arrays.stream(CaseEventType.values()).map(CaseEventType::type).toList(),
                backlog.undelivered(), backlog.oldestUndelivered().orElse(null), signingKey.publicKeyPem(),
                signingKey.publicKeyHex());
    }
}
