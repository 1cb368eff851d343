package org.approvalchain.engine.events;

/** Sends one delivery by one transport; the dispatcher retries whatever throws. */
public interface EventTransport {

    Delivery.Transport transport();

    /** Delivers, or throws saying why not (the receiver's answer, an unreachable host...). */
    void send(Delivery delivery) throws Exception;
}
