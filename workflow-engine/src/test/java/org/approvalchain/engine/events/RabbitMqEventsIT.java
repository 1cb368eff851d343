package org.approvalchain.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.OwnEngine;
import org.approvalchain.engine.support.Sm2DecisionSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Case events through the real RabbitMQ broker on 127.0.0.1:5672 (.ci/ensure-rabbitmq): a queue
 * bound to the engine's topic exchange receives every event of a case, routed by type, signed; with
 * the broker cut off from the engine while a case runs, every event still arrives once it is back
 * (duplicates only with the same event id). The engine reaches the broker through a {@link TcpProxy}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "approvalchain.events.rabbitmq.enabled=true", "camunda.bpm.process-engine-name=rabbitevents"})
@DirtiesContext
@OwnEngine
class RabbitMqEventsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final TcpProxy BROKER = new TcpProxy(5672);

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("approvalchain.data-dir", dataDir::toString);
        registry.add("spring.rabbitmq.host", () -> "127.0.0.1");
        registry.add("spring.rabbitmq.port", BROKER::port);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventsProperties properties;

    private static final CachingConnectionFactory CONSUMER_CONNECTION = new CachingConnectionFactory("127.0.0.1", 5672);
    private final RabbitTemplate consumer = new RabbitTemplate(CONSUMER_CONNECTION);
    private static final String QUEUE = "events-it-" + UUID.randomUUID();
    private final List<Message> messages = new ArrayList<>();
    private String signingKeyPem;

    /** A department's queue, bound to every event type on the engine's exchange. */
    private void aQueueBoundToEveryEvent() {
        RabbitAdmin admin = new RabbitAdmin(CONSUMER_CONNECTION);
        TopicExchange exchange = new TopicExchange(properties.rabbitmq().exchange(), true, false);
        admin.declareExchange(exchange);
        // not auto-delete: receive() consumes and cancels, which would delete such a queue
        admin.declareQueue(new Queue(QUEUE, false, false, false));
        admin.declareBinding(BindingBuilder.bind(new Queue(QUEUE)).to(exchange).with("org.approvalchain.#"));
        signingKeyPem = ApiClient.demoUser(base(), "demo").request("GET", "/api/admin/events", null).accepted()
                .path("signingKeyPem").asText();
    }

    @AfterAll
    static void close() {
        new RabbitAdmin(CONSUMER_CONNECTION).deleteQueue(QUEUE);
        CONSUMER_CONNECTION.destroy();
        BROKER.close();
    }

    @Test
    void aQueueGetsEveryEventOfACaseRoutedByTypeAlsoAcrossABrokerOutage() {
        aQueueBoundToEveryEvent();
        String first = approvedLicence();
        List<ReceivedEvent> events = awaitEvery(first);
        assertThat(events).extracting(ReceivedEvent::type).contains(CaseEventType.CASE_STARTED.type(),
                CaseEventType.TASK_CREATED.type(), CaseEventType.STEP_RECORDED.type(),
                CaseEventType.DECISION_RECORDED.type(), CaseEventType.CASE_ENDED.type());
        assertThat(events).allSatisfy(e -> assertThat(e.signedBy(signingKeyPem)).as("SM2 signature of %s", e.type()).isTrue());
        assertThat(messages).allSatisfy(m -> {
            ReceivedEvent event = ReceivedEvent.of(new String(m.getBody(), StandardCharsets.UTF_8));
            assertThat(m.getMessageProperties().getReceivedRoutingKey()).isEqualTo(event.type());
            assertThat(m.getMessageProperties().getMessageId()).isEqualTo(event.id());
            assertThat(m.getMessageProperties().getContentType()).isEqualTo("application/cloudevents+json");
        });

        BROKER.goDown();
        String second = approvedLicence();
        DeliveryChecks.until("failed attempts while the broker is away", WAIT, () -> jdbc.queryForObject("SELECT COUNT(*) FROM ac_event_delivery d "
                + "JOIN ac_event e ON e.id = d.event_id WHERE e.case_id = ? AND d.attempts > 0 AND d.delivered_at IS NULL",
                Long.class, second) > 0);
        BROKER.comeBack();
        awaitEvery(second);
    }

    /** A licence-application case approved by wang.fang with her demo key, to its end. */
    private String approvedLicence() {
        ApiClient wangFang = ApiClient.demoUser(base(), "wang.fang");
        String caseId = wangFang.startCase("licence-application", Map.of("applicantAge", 45, "licenceType", "营业执照"),
                Map.of("name", "李四"));
        String taskId = wangFang.awaitOpenTask(caseId, "Activity_ReviewApplication", WAIT);
        wangFang.decide(taskId, "APPROVE", "符合条件", Sm2DecisionSigner.demoUser(dataDir, "wang.fang")::sign);
        wangFang.awaitState(caseId, "COMPLETED", WAIT);
        return caseId;
    }

    /** Consumes until every event the engine published for the (ended) case arrived; answers them. */
    private List<ReceivedEvent> awaitEvery(String caseId) {
        Set<String> published = Set.copyOf(jdbc.queryForList("SELECT id FROM ac_event WHERE case_id = ?", String.class, caseId));
        return DeliveryChecks.awaitEvery(published, WAIT, () -> {
            Message next = consumer.receive(QUEUE, 200);
            if (next != null) {
                messages.add(next);
            }
            return received();
        });
    }

    private List<ReceivedEvent> received() {
        return messages.stream().map(m -> ReceivedEvent.of(new String(m.getBody(), StandardCharsets.UTF_8))).toList();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
