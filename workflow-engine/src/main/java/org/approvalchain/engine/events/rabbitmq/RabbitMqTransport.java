package org.approvalchain.engine.events.rabbitmq;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import org.approvalchain.engine.events.Delivery;
import org.approvalchain.engine.events.EventTransport;
import org.approvalchain.engine.events.EventsProperties;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes events to a durable RabbitMQ topic exchange (declared on connection), routed by their
 * CloudEvents type, as persistent {@code application/cloudevents+json} messages whose message id
 * is the event id. A delivery counts once the broker has confirmed the message (publisher
 * confirms, {@code spring.rabbitmq.publisher-confirm-type: simple}). Only with
 * {@code approvalchain.events.rabbitmq.enabled=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "approvalchain.events.rabbitmq.enabled", havingValue = "true")
class RabbitMqTransport implements EventTransport {

    private static final long CONFIRM_TIMEOUT_MILLIS = 10_000;

    private final RabbitTemplate rabbit;
    private final String exchange;

    RabbitMqTransport(RabbitTemplate rabbit, EventsProperties properties) {
        this.rabbit = rabbit;
        this.exchange = properties.rabbitmq().exchange();
    }

    @Bean
    Declarable eventExchange() {
        return new TopicExchange(exchange, true, false);
    }

    @Override
    public Delivery.Transport transport() {
        return Delivery.Transport.RABBITMQ;
    }

    @Override
    public void send(Delivery d) {
        Message message = MessageBuilder.withBody(d.body().getBytes(StandardCharsets.UTF_8))
                .setContentType("application/cloudevents+json").setContentEncoding(StandardCharsets.UTF_8.name())
                .setMessageId(d.eventId()).setType(d.type()).setTimestamp(new Date())
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT).build();
        rabbit.invoke(channel -> {
            channel.send(exchange, d.type(), message);
            channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);
            return null;
        });
    }
}
