package org.approvalchain.engine.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.approvalchain.engine.record.PersonalDataRead;
import org.approvalchain.engine.record.PersonalDataReads;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * The applicant's personal data and the record of who read it. A case's personal data is its
 * {@code applicant} variable and the application fields its process declares personal (form field
 * property {@code personal=true}). It is shown only to those who handle the case, and every read
 * that lets it out of the engine, through our API or Camunda's, is recorded (who, when, which case,
 * which fields, through which endpoint) before the data leaves.
 */
@Component
public class PersonalData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeployedDefinitions definitions;
    private final CaseAccess access;
    private final HistoryService history;
    private final PersonalDataReads reads;
    /** The HTTP request a Camunda API call serves, when one does (set by the web edge). */
    private final ThreadLocal<String> endpoint = new ThreadLocal<>();

    PersonalData(DeployedDefinitions definitions, CaseAccess access, HistoryService history, PersonalDataReads reads) {
        this.definitions = definitions;
        this.access = access;
        this.history = history;
        this.reads = reads;
    }

    /** While open, reads through Camunda's APIs on this thread are recorded as made through {@code endpoint}. */
    public interface Endpoint extends AutoCloseable {
        @Override
        void close();
    }

    /** Marks this thread as serving {@code endpoint} (HTTP method and path) until the returned scope closes. */
    public Endpoint serving(String endpoint) {
        this.endpoint.set(endpoint);
        return this.endpoint::remove;
    }

    /**
     * The case's personal data for {@code userId}, recorded as read through {@code endpoint}.
     *
     * @throws CaseException NOT_FOUND for an unknown case, FORBIDDEN for a user who does not handle it
     */
    public CasePersonalData read(String caseId, String userId, String endpoint) {
        HistoricProcessInstance instance = access.handled(caseId, userId);
        Set<String> personal = definitions.personalVariables(instance.getProcessDefinitionId());
        Map<String, Object> applicant = Map.of();
        Map<String, Object> fields = new LinkedHashMap<>();
        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableNameIn(personal.toArray(String[]::new)).list()) {
            if (!instance.getId().equals(v.getActivityInstanceId()) || v.getValue() == null) {
                continue;
            }
            if (Cases.APPLICANT.equals(v.getName())) {
                applicant = fromJson(v.getValue().toString());
            } else {
                fields.put(v.getName(), v.getValue());
            }
        }
        List<String> read = new ArrayList<>(fields.keySet());
        if (!applicant.isEmpty()) {
            read.add(0, Cases.APPLICANT);
        }
        record(caseId, userId, read, endpoint);
        return new CasePersonalData(caseId, applicant, fields);
    }

    /** Records a read of {@code fields} of the case by {@code userId}; nothing when no personal field was read. */
    private void record(String caseId, String userId, Collection<String> fields, String endpoint) {
        if (!fields.isEmpty()) {
            reads.add(new PersonalDataRead(caseId, userId, List.copyOf(fields), endpoint, Instant.now()));
        }
    }

    /**
     * Records that {@code userId} was shown the case's variables {@code shown} (name to value) through
     * {@code endpoint}, such as the application in a decision payload; only its personal variables
     * with a value count.
     */
    public void recordShown(String caseId, String userId, Map<String, ?> shown, String endpoint) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .singleResult();
        if (instance != null) {
            recordPersonal(instance, userId, shown.entrySet().stream().filter(v -> v.getValue() != null)
                    .map(Map.Entry::getKey).toList(), endpoint);
        }
    }

    /**
     * Records that {@code userId} read the variables {@code names} of a process instance through
     * Camunda's APIs, with {@code command}; only its personal variables count.
     */
    void recordEngineRead(String userId, String processInstanceId, Collection<String> names, String command) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        if (instance != null) {
            String current = endpoint.get();
            recordPersonal(instance, userId, names, current == null ? "Camunda Java API " + command : current);
        }
    }

    private void recordPersonal(HistoricProcessInstance instance, String userId, Collection<String> names, String endpoint) {
        Set<String> personal = definitions.personalVariables(instance.getProcessDefinitionId());
        record(instance.getBusinessKey() == null ? instance.getId() : instance.getBusinessKey(), userId,
                names.stream().filter(personal::contains).distinct().toList(), endpoint);
    }

    private static Map<String, Object> fromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException notAnObject) {
            return Map.of("value", json);
        }
    }
}
