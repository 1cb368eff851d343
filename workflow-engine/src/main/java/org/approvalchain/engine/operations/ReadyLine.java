package org.approvalchain.engine.operations;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The start log's last line ({@code READY-001}): the URL of the web application, with the other
 * modules' {@link StartNote}s. Not in the command-line mode, which has no web server.
 */
@Component
class ReadyLine {

    private static final Logger log = LoggerFactory.getLogger(ReadyLine.class);

    private final List<StartNote> notes;

    ReadyLine(List<StartNote> notes) {
        this.notes = notes;
    }

    /** Once the application accepts traffic: Spring Boot says so after every listener of its ready event has run. */
    @EventListener
    void ready(AvailabilityChangeEvent<ReadinessState> readiness) {
        if (readiness.getState() == ReadinessState.ACCEPTING_TRAFFIC
                && readiness.getSource() instanceof WebServerApplicationContext web) {
            StringBuilder line = new StringBuilder("READY-001 ApprovalChain is ready: the web application is at http://localhost:")
                    .append(web.getWebServer().getPort()).append('/');
            notes.forEach(note -> line.append("; ").append(note.note()));
            log.info(line.toString());
        }
    }
}
