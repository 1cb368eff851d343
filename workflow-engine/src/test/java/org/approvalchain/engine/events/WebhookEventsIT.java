package org.approvalchain.engine.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Applicants;
import org.approvalchain.engine.support.BusinessRegistration;
import org.approvalchain.engine.support.Reply;
import org.approvalchain.engine.support.SharedEngine;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Case events by webhook, received by real HTTP servers: every event of a business-registration
 * case arrives as a CloudEvent whose HMAC header and SM2 signature verify, steps and decisions with
 * their chain evidence; a receiver that is down while a case runs gets every event once it is back
 * (duplicates only with the same id); the admin API refuses bad subscriptions naming the field.
 */
@SharedEngine
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookEventsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SECRET = "a webhook secret of the department";
    private static final List<String> ALL_TYPES = Arrays.stream(CaseEventType.values()).map(CaseEventType::type).toList();

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcTemplate jdbc;

    private ApiClient admin;
    private ApiClient applicant;
    private String signingKeyPem;
    private final List<String> subscriptions = new ArrayList<>();

    @BeforeAll
    void clients() {
        admin = ApiClient.demoUser(base(), "demo");
        applicant = ApiClient.demoUser(base(), Applicants.ensure(identity, "events.applicant"));
        signingKeyPem = admin.request("GET", "/api/admin/events", null).accepted().path("signingKeyPem").asText();
    }

    @AfterAll
    void unsubscribe() {
        subscriptions.forEach(id -> admin.request("DELETE", "/api/admin/event-subscriptions/" + id, null));
    }

    @Test
    void everyEventOfACaseArrivesSignedAndWithItsChainEvidence() {
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            subscribe(receiver.url(), ALL_TYPES);
            String caseId = BusinessRegistration.approved(base(), applicant, WAIT);
            List<ReceivedEvent> events = awaitEvery(receiver, caseId);

            assertThat(events).extracting(ReceivedEvent::type).contains(CaseEventType.CASE_STARTED.type(),
                    CaseEventType.TASK_CREATED.type(), CaseEventType.STEP_RECORDED.type(),
                    CaseEventType.DECISION_RECORDED.type(), CaseEventType.CASE_ENDED.type());
            assertThat(events).as("one event per fact").filteredOn(e -> !e.type().equals(CaseEventType.STEP_RECORDED.type()))
                    .extracting(ReceivedEvent::type).containsOnlyOnce(CaseEventType.CASE_STARTED.type(),
                            CaseEventType.TASK_CREATED.type(), CaseEventType.DECISION_RECORDED.type(),
                            CaseEventType.CASE_ENDED.type());
            assertThat(receiver.posts()).allSatisfy(post -> {
                assertThat(post.contentType()).startsWith("application/cloudevents+json");
                assertThat(post.signature()).isEqualTo("sha256=" + hmac(post.eventId() + "." + post.timestamp() + "." + post.body()));
                assertThat(Long.parseLong(post.timestamp())).isCloseTo(Instant.now().getEpochSecond(), offset(120L));
                assertThat(ReceivedEvent.of(post.body()).id()).isEqualTo(post.eventId());
            });
            assertThat(events).allSatisfy(e -> {
                assertThat(e.signedBy(signingKeyPem)).as("SM2 signature of %s", e.type()).isTrue();
                assertThat(e.cloudEvent().getSpecVersion().toString()).isEqualTo("1.0");
            });

            JsonNode kase = applicant.caseView(caseId);
            Map<String, Long> stepBlocks = StreamSupport.stream(kase.path("steps").spliterator(), false)
                    .collect(Collectors.toMap(s -> s.path("stepTxHash").asText(), s -> s.path("stepBlock").asLong()));
            List<ReceivedEvent> steps = ofType(events, CaseEventType.STEP_RECORDED);
            assertThat(steps).extracting(e -> e.data().path("chain").path("txHash").asText())
                    .containsExactlyInAnyOrderElementsOf(stepBlocks.keySet());
            assertThat(steps).allSatisfy(e -> assertThat(e.data().path("chain").path("block").asLong())
                    .isEqualTo(stepBlocks.get(e.data().path("chain").path("txHash").asText())));
            JsonNode decision = ofType(events, CaseEventType.DECISION_RECORDED).get(0).data();
            assertThat(decision.path("approverId").asText()).isEqualTo("chen.jie");
            assertThat(decision.path("chain").path("txHash").asText()).startsWith("0x");
            assertThat(ofType(events, CaseEventType.CASE_ENDED).get(0).data().path("state").asText()).isEqualTo("COMPLETED");
            assertThat(receiver.posts()).extracting(WebhookReceiver.Post::body)
                    .noneMatch(body -> body.contains(BusinessRegistration.APPLICANT_NAME));
        }
    }

    @Test
    void aReceiverThatWasDownGetsEveryEventWhenItComesBack() {
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            String subscription = subscribe(receiver.url(), ALL_TYPES);
            receiver.goDown();
            String caseId = BusinessRegistration.approved(base(), applicant, WAIT);
            DeliveryChecks.until("failed attempts while the receiver is down", WAIT, () -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM ac_event_delivery WHERE subscription_id = ? AND attempts > 0 AND delivered_at IS NULL",
                    Long.class, subscription) > 0);
            assertThat(receiver.posts()).isEmpty();

            receiver.comeBack();
            awaitEvery(receiver, caseId);
            DeliveryChecks.until("the subscription's backlog is empty", WAIT, () -> undelivered(subscription) == 0);
        }
    }

    @Test
    void refusesABadSubscriptionNamingTheField() {
        Reply badUrl = admin.request("POST", "/api/admin/event-subscriptions",
                Map.of("url", "ftp://example.org/hook", "eventTypes", ALL_TYPES, "secret", SECRET));
        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(badUrl.body().path("code").asText()).isEqualTo("EVENTS-001");
        assertThat(badUrl.body().path("field").asText()).isEqualTo("url");

        Reply unknownType = admin.request("POST", "/api/admin/event-subscriptions",
                Map.of("url", "https://example.org/hook", "eventTypes", List.of("org.approvalchain.case.lost"), "secret", SECRET));
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.body().path("code").asText()).isEqualTo("EVENTS-002");
        assertThat(unknownType.body().path("field").asText()).isEqualTo("eventTypes");
        assertThat(unknownType.body().path("detail").asText()).contains("org.approvalchain.case.lost");

        Reply shortSecret = admin.request("POST", "/api/admin/event-subscriptions",
                Map.of("url", "https://example.org/hook", "eventTypes", ALL_TYPES, "secret", "short"));
        assertThat(shortSecret.body().path("field").asText()).isEqualTo("secret");

        assertThat(admin.request("DELETE", "/api/admin/event-subscriptions/no-such-subscription", null).status()).isEqualTo(404);
        assertThat(applicant.request("GET", "/api/admin/event-subscriptions", null).status()).isEqualTo(403);
    }

    private String subscribe(String url, List<String> types) {
        JsonNode created = admin.request("POST", "/api/admin/event-subscriptions",
                Map.of("url", url, "eventTypes", types, "secret", SECRET)).accepted();
        assertThat(created.has("secret")).isFalse();
        subscriptions.add(created.path("id").asText());
        return created.path("id").asText();
    }

    private long undelivered(String subscription) {
        return StreamSupport.stream(admin.request("GET", "/api/admin/event-subscriptions", null).accepted().spliterator(), false)
                .filter(s -> s.path("id").asText().equals(subscription)).findFirst().orElseThrow().path("undelivered").asLong();
    }

    /** Every event the engine published for the (ended) case, once the receiver got them all. */
    private List<ReceivedEvent> awaitEvery(WebhookReceiver receiver, String caseId) {
        Set<String> published = Set.copyOf(jdbc.queryForList("SELECT id FROM ac_event WHERE case_id = ?", String.class, caseId));
        return DeliveryChecks.awaitEvery(published, WAIT, () -> received(receiver));
    }

    private static List<ReceivedEvent> received(WebhookReceiver receiver) {
        return receiver.posts().stream().map(p -> ReceivedEvent.of(p.body())).toList();
    }

    private static List<ReceivedEvent> ofType(List<ReceivedEvent> events, CaseEventType type) {
        return events.stream().filter(e -> e.type().equals(type.type())).toList();
    }

    private static String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
