package org.approvalchain.engine.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * A case on its process's diagram: the BPMN XML of the version it runs and the path it took so far,
 * every activity it entered in order, those it is in now marked current. For those who may read
 * the case ({@link CaseAccess}).
 */
@Component
public class CaseDiagram {

    private final CaseAccess access;
    private final RepositoryService repository;
    private final HistoryService history;

    CaseDiagram(CaseAccess access, RepositoryService repository, HistoryService history) {
        this.access = access;
        this.repository = repository;
        this.history = history;
    }

    /** The diagram and the path; {@code path} in the order the case entered the activities. */
    public record Diagram(String caseId, String processDefinitionId, String bpmnXml, List<Visit> path) {
    }

    /** One activity the case entered: {@code current} while it is still there. */
    public record Visit(String activityId, String name, String type, Instant startedAt, Instant endedAt, boolean current) {
    }

    /**
     * The case's diagram and path, for {@code userId}.
     *
     * @throws CaseException NOT_FOUND for an unknown case, FORBIDDEN for a user it does not involve
     */
    public Diagram of(String caseId, String userId) {
        HistoricProcessInstance instance = access.readable(caseId, userId);
        List<Visit> path = history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(CaseDiagram::visit).toList();
        return new Diagram(caseId, instance.getProcessDefinitionId(), xml(instance.getProcessDefinitionId()), path);
    }

    private static Visit visit(HistoricActivityInstance a) {
        return new Visit(a.getActivityId(), a.getActivityName(), a.getActivityType(), a.getStartTime().toInstant(),
                a.getEndTime() == null ? null : a.getEndTime().toInstant(), a.getEndTime() == null && !a.isCanceled());
    }

    private String xml(String processDefinitionId) {
        try (InputStream in = repository.getProcessModel(processDefinitionId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
