package org.approvalchain.engine.events;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import org.approvalchain.engine.crypto.CanonicalJson;
import org.springframework.stereotype.Component;

/**
 * Publishes case events: each becomes a CloudEvents 1.0 JSON document (structured mode, JSON
 * {@code data}), signed by the {@link EventSigningKey} over the canonical JSON (RFC 8785) of the
 * document without its {@value #SIGNATURE} attribute, and written to the outbox with one delivery
 * per subscribed target, in the caller's transaction: the event exists exactly when the state change
 * it reports was committed.
 */
@Component
public class CaseEvents {

    /** The CloudEvents extension attribute that carries the SM2 signature (base64 DER). */
    public static final String SIGNATURE = "sm2signature";

    private static final JsonFormat FORMAT = new JsonFormat();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventSigningKey key;
    private final Outbox outbox;
    private final URI source;

    CaseEvents(EventSigningKey key, Outbox outbox, EventsProperties properties) {
        this.key = key;
        this.outbox = outbox;
        this.source = URI.create(properties.source());
    }

    /**
     * Publishes an event about {@code caseId} (the CloudEvents {@code subject}; null for an event
     * outside any case) with {@code data} and, where the fact is on chain, its evidence as the
     * data's {@code chain} member. An event nobody would receive (no subscription of its type, no
     * RabbitMQ) is neither signed nor kept: a subscription receives the events published after it.
     */
    public void publish(CaseEventType type, String caseId, Map<String, ?> data, ChainEvidence evidence) {
        if (!outbox.anyTarget(type)) {
            return;
        }
        Map<String, Object> content = new LinkedHashMap<>(data);
        if (evidence != null) {
            content.put("chain", Map.of("txHash", evidence.txHash(), "block", evidence.block()));
        }
        String id = UUID.randomUUID().toString();
        CloudEvent unsigned = CloudEventBuilder.v1().withId(id).withSource(source).withType(type.type())
                .withSubject(caseId).withTime(OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC))
                .withDataContentType("application/json").withData(CanonicalJson.object(content)).build();
        CloudEvent signed = CloudEventBuilder.v1(unsigned).withExtension(SIGNATURE, key.sign(signedBytes(unsigned))).build();
        outbox.add(id, type, caseId, new String(FORMAT.serialize(signed), StandardCharsets.UTF_8));
    }

    /** What is signed: the canonical JSON (RFC 8785) of the event's JSON document without its signature. */
    static byte[] signedBytes(CloudEvent unsigned) {
        try {
            return CanonicalJson.object(JSON.readValue(FORMAT.serialize(unsigned), new TypeReference<Map<String, Object>>() { }));
        } catch (IOException e) {
            throw new IllegalStateException("EVENTS-202 the event " + unsigned.getId() + " is not JSON: " + e.getMessage(), e);
        }
    }
}
