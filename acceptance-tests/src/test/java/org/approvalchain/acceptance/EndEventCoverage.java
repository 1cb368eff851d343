package org.approvalchain.acceptance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.engine.support.ApiClient;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every reference process runs to each of its ends in the acceptance features (issue 15 item 9).
 * The ends are every end event of every BPMN that {@code bpmn-models} ships (those inside
 * sub-processes too), read from the files themselves, so that a new process is checked as soon as
 * it is added; whether a case reached one is asked of the running engine, from Camunda's history
 * as an administrator sees it.
 */
final class EndEventCoverage {

    /** Where the engine finds the processes it deploys: {@code bpmn-models/src/main/resources/processes}. */
    private static final String PROCESSES = "classpath*:processes/*.bpmn";

    private EndEventCoverage() {
    }

    /** An end event of a process: its key, the end event's id and name. */
    record End(String processKey, String id, String name) {

        @Override
        public String toString() {
            return processKey + " " + id + " (" + name + ")";
        }
    }

    /** Fails naming every end event no case of {@code engine}'s history reached. */
    static void assertEveryEndReached(ApiClient admin) {
        List<End> missed = declaredEnds().stream().filter(end -> !reached(admin, end)).toList();
        if (!missed.isEmpty()) {
            StringBuilder message = new StringBuilder(missed.size()
                    + " end event(s) that no case of the acceptance features reached (issue 15 item 9):");
            missed.forEach(end -> message.append("\n  ").append(end));
            throw new AssertionError(message);
        }
    }

    static List<End> declaredEnds() {
        List<End> ends = new ArrayList<>();
        for (Resource bpmn : resources(PROCESSES)) {
            try (InputStream in = bpmn.getInputStream()) {
                for (EndEvent end : Bpmn.readModelFromStream(in).getModelElementsByType(EndEvent.class)) {
                    ends.add(new End(processOf(end).getId(), end.getId(), end.getName()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + bpmn, e);
            }
        }
        if (ends.isEmpty()) {
            throw new IllegalStateException("no end event in any " + PROCESSES + ": is bpmn-models on the class path?");
        }
        return ends;
    }

    /** Whether a case of {@code end}'s process completed that end event (not one cancelled on the way). */
    private static boolean reached(ApiClient admin, End end) {
        JsonNode instances = admin.camundaGet("/history/activity-instance?finished=true&activityId="
                + URLEncoder.encode(end.id(), StandardCharsets.UTF_8));
        return StreamSupport.stream(instances.spliterator(), false).anyMatch(instance ->
                end.processKey().equals(instance.path("processDefinitionKey").asText())
                        && !instance.path("canceled").asBoolean());
    }

    private static Process processOf(EndEvent end) {
        ModelElementInstance element = end.getParentElement();
        while (!(element instanceof Process)) {
            element = element.getParentElement();
        }
        return (Process) element;
    }

    static List<Resource> resources(String pattern) {
        try {
            return List.of(new PathMatchingResourcePatternResolver().getResources(pattern));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + pattern, e);
        }
    }
}
