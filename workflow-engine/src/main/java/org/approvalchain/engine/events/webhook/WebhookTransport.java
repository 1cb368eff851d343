package org.approvalchain.engine.events.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.approvalchain.engine.events.Delivery;
import org.approvalchain.engine.events.EventTransport;
import org.approvalchain.engine.events.EventsProperties;
import org.springframework.stereotype.Component;

/**
 * POSTs an event to a subscription's URL as {@code application/cloudevents+json}, with the headers
 * a receiver authenticates it by: the event id, the sending time (Unix seconds) and
 * {@code sha256=<hex HMAC-SHA256>} keyed with the subscription's secret over
 * {@code <event id>.<timestamp>.<body>}. Any 2xx answer is a delivery; anything else is retried.
 */
@Component
class WebhookTransport implements EventTransport {

    static final String EVENT_ID = "X-ApprovalChain-Event-Id";
    static final String TIMESTAMP = "X-ApprovalChain-Timestamp";
    static final String SIGNATURE = "X-ApprovalChain-Signature";

    private final HttpClient http;
    private final EventsProperties properties;

    WebhookTransport(EventsProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Delivery.Transport transport() {
        return Delivery.Transport.WEBHOOK;
    }

    @Override
    public void send(Delivery d) throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(d.url())).timeout(properties.webhookTimeout())
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .header(EVENT_ID, d.eventId())
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "sha256=" + hmac(d.secret(), d.eventId() + "." + timestamp + "." + d.body()))
                .POST(HttpRequest.BodyPublishers.ofString(d.body(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("the receiver answered HTTP " + response.statusCode());
        }
    }

    static String hmac(String secret, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
