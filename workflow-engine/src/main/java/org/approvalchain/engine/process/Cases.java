package org.approvalchain.engine.process;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.approvalchain.engine.record.CaseRecord;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Starting cases and reading them back. A case is a process instance whose business key is the
 * case id. The application's fields become process variables; the applicant's personal data is
 * kept as one variable that the case view never shows and the chain never sees (only its SM3
 * hash): it is read, and every read recorded, through {@link PersonalData}.
 */
@Service
public class Cases {

    /** The variable holding the applicant's personal data (JSON). */
    public static final String APPLICANT = "applicant";

    /** The variable holding the user id of whoever started the case: the applicant. */
    public static final String INITIATOR = "initiator";

    /** The variable holding the user id of the agent who started the case for its applicant (授权代办); absent otherwise. */
    public static final String PROXY_AGENT = "proxyAgent";

    /** The variable holding the id of the authorisation under which the agent started the case. */
    public static final String PROXY_AUTHORISATION = "proxyAuthorisation";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeployedDefinitions definitions;
    private final RuntimeService runtime;
    private final CaseRecord record;
    private final CaseAccess access;
    private final ApplicationGuard applications;
    private final Deadlines deadlines;
    private final LicenceReuse reuse;
    private final CaseReads reads;

    Cases(DeployedDefinitions definitions, RuntimeService runtime, CaseRecord record, CaseAccess access,
          ApplicationGuard applications, Deadlines deadlines, LicenceReuse reuse, CaseReads reads) {
        this.definitions = definitions;
        this.runtime = runtime;
        this.reads = reads;
        this.record = record;
        this.access = access;
        this.applications = applications;
        this.deadlines = deadlines;
        this.reuse = reuse;
    }

    /**
     * Starts a case of the latest version of {@code processKey}.
     *
     * @throws CaseException when the process does not exist or the application is not the one it takes
     */
    public String start(String processKey, Map<String, Object> application, Map<String, Object> applicant, String initiator) {
        return start(processKey, application, applicant, List.of(), initiator, Map.of());
    }

    /**
     * Starts a case of the latest version of {@code processKey} that reuses the applicant's licences
     * {@code reusedLicences} (numbers): each is checked on chain now and its hash becomes a material
     * of the case (see {@link LicenceReuse}); with variables only the engine sets ({@link #PROXY_AGENT},
     * {@link #PROXY_AUTHORISATION} for a case an agent starts).
     *
     * @throws CaseException when the process does not exist, the application is not the one it takes,
     *         or a licence cannot be reused ({@code LICENCE-003})
     */
    public String start(String processKey, Map<String, Object> application, Map<String, Object> applicant,
                        List<String> reusedLicences, String initiator, Map<String, Object> enginesVariables) {
        ProcessDefinition definition = definitions.latest(processKey).orElseThrow(() ->
                new CaseException(CaseException.Kind.NOT_FOUND, "no process with key '" + processKey + "' is deployed"));
        if (definition.isSuspended()) {
            throw suspended(processKey);
        }
        ApplicationForm form = definitions.form(definition.getId());
        Map<String, Object> variables = form.variables(application);
        String applicantHash = StepDigest.of(applicant).sm3();
        variables.putAll(reuse.materials(form, reusedLicences, applicantHash));
        String caseId = UUID.randomUUID().toString();
        variables.put("caseId", caseId);
        variables.put(INITIATOR, initiator);
        variables.put("submittedAt", Instant.now().toEpochMilli());
        variables.put(APPLICANT, toJson(applicant));
        variables.put(CaseContext.APPLICANT_HASH, applicantHash);
        variables.putAll(enginesVariables);
        try {
            applications.startChecked(() -> runtime.startProcessInstanceById(definition.getId(), caseId, variables));
        } catch (SuspendedEntityInteractionException suspendedMeanwhile) {
            throw suspended(processKey);
        }
        return caseId;
    }

    private static CaseException suspended(String processKey) {
        return new CaseException(CaseException.Kind.CONFLICT, "CASE-004 process '" + processKey
                + "' is suspended: no case starts until an administrator activates it again");
    }

    /**
     * The case as {@code userId} may see it: without its personal data (see {@link PersonalData}).
     * What deciding whether the user may see it needs (its process-level variables, its open tasks
     * and their candidates) is read once, for the decision and the view alike.
     *
     * @throws CaseException NOT_FOUND for an unknown case, FORBIDDEN for a user it does not involve (see {@link CaseAccess})
     */
    public CaseView read(String caseId, String userId) {
        HistoricProcessInstance instance = reads.instance(caseId);
        List<CaseVariable> all = reads.variables(instance.getId());
        boolean running = instance.getEndTime() == null;
        List<LinkedTask> open = running ? reads.linkedTasks(instance.getId()) : List.of();
        access.requireReadable(instance, CaseAccess.processLevel(all), open, userId);
        Set<String> personal = definitions.personalVariables(instance.getProcessDefinitionId());
        Map<String, Object> variables = new LinkedHashMap<>();
        for (CaseVariable v : all) {
            if (!CaseContext.isInternal(v.name()) && !personal.contains(v.name())) {
                variables.put(v.name(), v.value());
            }
        }
        // an ended case has no tasks and waits for no message: Camunda deletes both as the case ends
        List<String> awaiting = running ? reads.awaitedMessages(instance.getId()) : List.of();
        return new CaseView(caseId, instance.getProcessDefinitionKey(), instance.getProcessDefinitionId(),
                instance.getProcessDefinitionVersion(), instance.getState(), instance.getEndActivityId(),
                instance.getStartTime().toInstant(), instance.getEndTime() == null ? null : instance.getEndTime().toInstant(),
                variables, views(open), awaiting, record.steps(caseId),
                definitions.supervisorGroups(instance.getProcessDefinitionId()).stream().sorted().toList());
    }

    /** The open tasks of a process instance, with their candidate groups and time limits. */
    List<CaseView.OpenTask> openTasks(String processInstanceId) {
        return views(reads.linkedTasks(processInstanceId));
    }

    private List<CaseView.OpenTask> views(List<LinkedTask> open) {
        Map<String, Deadlines.Deadline> limits = deadlines.of(open.stream().map(LinkedTask::task).toList());
        return open.stream().map(linked -> {
            Task t = linked.task();
            Optional<Deadlines.Deadline> deadline = Optional.ofNullable(limits.get(t.getId()));
            return new CaseView.OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), linked.candidateGroups(),
                    deadline.map(Deadlines.Deadline::timeLimit).orElse(null),
                    deadline.map(Deadlines.Deadline::due).orElse(null));
        }).toList();
    }

    private static String toJson(Map<String, Object> value) {
        try {
            String json = JSON.writeValueAsString(value);
            if (json.length() > ApplicationForm.MAX_TEXT) {
                throw new CaseException(CaseException.Kind.INVALID, "applicant: at most " + ApplicationForm.MAX_TEXT
                        + " characters as JSON, is " + json.length());
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new CaseException(CaseException.Kind.INVALID, "applicant data is not JSON: " + e.getOriginalMessage());
        }
    }
}
