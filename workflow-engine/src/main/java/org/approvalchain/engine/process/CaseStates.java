package org.approvalchain.engine.process;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.approvalchain.engine.record.CaseRecord;
import org.approvalchain.engine.signing.CaseStateDocument;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The case-state document of a task's case as it stands now ({@link CaseStateDocument}): the
 * declared application fields (every variable the engine does not keep for itself, when the process
 * declares none), the applicant's hash, the material hashes and every step in the case record.
 * Remembers the documents it issued lately, so that a refused decision can say what changed since.
 */
@Component
class CaseStates {

    static final String MATERIAL_HASHES = "materialHashes";
    private static final int ISSUED_REMEMBERED = 1_000;

    private final DeployedDefinitions definitions;
    private final CaseRecord record;
    private final CaseReads reads;
    private final Map<String, CaseStateDocument> issued = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CaseStateDocument> eldest) {
            return size() > ISSUED_REMEMBERED;
        }
    });

    CaseStates(DeployedDefinitions definitions, CaseRecord record, CaseReads reads) {
        this.reads = reads;
        this.definitions = definitions;
        this.record = record;
    }

    /** The document now, remembered as issued to an approver. */
    CaseStateDocument issue(Task task) {
        CaseStateDocument state = now(task);
        issued.put(state.sm3Hex(), state);
        return state;
    }

    /** The document of the task's case as it stands now. */
    CaseStateDocument now(Task task) {
        String caseId = reads.caseIdOf(task.getProcessInstanceId());
        Map<String, Object> variables = reads.executionVariables(task);
        Object applicantHash = variables.get(CaseContext.APPLICANT_HASH);
        List<CaseStateDocument.Step> steps = record.steps(caseId).stream().map(s -> new CaseStateDocument.Step(
                CaseContext.activityInstance(s.activityId(), s.visit()), s.kind().name(), s.contract(), s.function(),
                s.resultHash())).toList();
        return new CaseStateDocument(caseId, application(task, variables),
                applicantHash == null ? null : applicantHash.toString(), materialHashes(variables), steps);
    }

    /** What differs between the document issued with hash {@code issuedSm3} and {@code now}; unknown if not issued here lately. */
    String changesSince(String issuedSm3, CaseStateDocument now) {
        CaseStateDocument then = issued.get(issuedSm3);
        String digests = "its case state is now " + now.sm3Hex() + ", the payload's is " + issuedSm3;
        if (then == null) {
            return digests;
        }
        List<String> changes = new ArrayList<>();
        Set<String> fields = new TreeSet<>(then.application().keySet());
        fields.addAll(now.application().keySet());
        fields.forEach(name -> changed("application field '" + name + "'", then.application().get(name),
                now.application().get(name), changes));
        changed("applicantHash", then.applicantHash(), now.applicantHash(), changes);
        changed("materialHashes", then.materialHashes(), now.materialHashes(), changes);
        Map<String, String> stepsThen = results(then);
        Map<String, String> stepsNow = results(now);
        Set<String> steps = new TreeSet<>(stepsThen.keySet());
        steps.addAll(stepsNow.keySet());
        steps.forEach(step -> changed("step " + step, stepsThen.get(step), stepsNow.get(step), changes));
        return changes.isEmpty() ? digests + " (its steps were reordered)" : String.join("; ", changes);
    }

    private Map<String, Object> application(Task task, Map<String, Object> variables) {
        Map<String, Object> application = new TreeMap<>();
        definitions.form(task.getProcessDefinitionId()).fields().ifPresentOrElse(
                fields -> fields.forEach(field -> application.put(field.name(), plain(variables.get(field.name())))),
                () -> variables.forEach((name, value) -> {
                    if (!CaseContext.isEngines(name)) {
                        application.put(name, plain(value));
                    }
                }));
        return application;
    }

    /** The variable {@value #MATERIAL_HASHES}: the hashes, comma-separated (text, as Camunda keeps it without serialising). */
    private static List<String> materialHashes(Map<String, Object> variables) {
        return variables.get(MATERIAL_HASHES) instanceof String hashes && !hashes.isBlank()
                ? List.of(hashes.split(",")) : List.of();
    }

    /** Text, whole numbers, fractions and true/false as they are; anything else as its text. */
    private static Object plain(Object value) {
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Integer || value instanceof Short || value instanceof Double ? value : String.valueOf(value);
    }

    private static Map<String, String> results(CaseStateDocument state) {
        return state.steps().stream().collect(Collectors.toMap(CaseStateDocument.Step::activityInstance,
                step -> step.contract() + "." + step.function() + " result " + step.resultHash(), (a, b) -> b));
    }

    private static void changed(String what, Object then, Object now, List<String> changes) {
        if (!Objects.equals(then, now)) {
            changes.add(what + " was " + (then == null ? "(none)" : then) + ", is now " + (now == null ? "(none)" : now));
        }
    }
}
