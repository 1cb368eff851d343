package org.approvalchain.engine.api;

import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

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

    @PostMapping("/api/admin/event-subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    Subscription subscribe(@RequestBody NewSubscription request, Principal user) {
        return subscriptions.add(request.url(), request.eventTypes(), request.secret(), user.getName());
    }

    @GetMapping("/api/admin/event-subscriptions")
    List<Subscription> all() {
        return subscriptions.all();
    }

    @DeleteMapping("/api/admin/event-subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unsubscribe(@PathVariable String id) {
        subscriptions.remove(id);
    }

    /** The events' state: the event types, the deliveries still waiting and since when, the signing key. */
    record EventsStatus(List<String> eventTypes, long undelivered, Instant oldestUndelivered, String signingKeyPem,
                        String signingKeyHex) {
    }

    @GetMapping("/api/admin/events")
    EventsStatus status() {
        return new EventsStatus(Arrays.stream(CaseEventType.values()).map(CaseEventType::type).toList(),
                backlog.undelivered(), backlog.oldestUndelivered().orElse(null), signingKey.publicKeyPem(),
                signingKey.publicKeyHex());
    }
}
