package org.approvalchain.engine.process;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every start of a case is checked against the application its process declares, whatever the
 * path: Camunda REST ({@code process-definition/…/start}, {@code submit-form}), Tasklist, or Java
 * code calling the {@code RuntimeService} or {@code FormService}. The variables given are checked as
 * an application ({@link ApplicationForm}): every missing, unknown or mistyped field and every
 * variable the engine keeps for itself is named, with the messages our API gives, before the
 * command runs; Camunda REST answers 400 and one WARN line ({@code APPLICATION-001}) is logged. Only
 * {@link Cases#start}, which checks the application itself and then adds the engine's own variables
 * (case id, applicant, its hash), starts unchecked here. Process instances that the engine starts
 * itself (call activities) are no commands and are not affected.
 */
@Component
class ApplicationGuard extends CommandGuard {

    private static final Logger log = LoggerFactory.getLogger(ApplicationGuard.class);

    private final ObjectProvider<DeployedDefinitions> definitions;
    /** Set while {@link Cases#start} starts a case whose application it checked. */
    private final CheckedCalls checked = new CheckedCalls();

    ApplicationGuard(ObjectProvider<DeployedDefinitions> definitions) {
        this.definitions = definitions;
    }

    /** Runs {@code start}, a start whose application the caller has checked, without checking it again. */
    <T> T startChecked(Supplier<T> start) {
        return checked.run(start);
    }

    @Override
    void before(ProcessEngineConfigurationImpl configuration, Command<?> command) {
        if (!checked.running()) {
            start(command).ifPresent(this::check);
        }
    }

    /** What a start command starts: the process definition (id, or key for its latest version) and the variables given. */
    private record Start(String definitionId, String definitionKey, Map<String, Object> variables) {
    }

    private static Optional<Start> start(Command<?> command) {
        if (command instanceof StartProcessInstanceCmd) {
            return CommandFields.read(command, "instantiationBuilder", ProcessInstantiationBuilderImpl.class)
                    .map(builder -> new Start(builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(),
                            builder.getVariables() == null ? Map.of() : builder.getVariables()));
        }
        if (command instanceof SubmitStartFormCmd) {
            return CommandFields.read(command, "processDefinitionId", String.class).map(id -> new Start(id, null,
                    CommandFields.read(command, "variables", VariableMap.class).<Map<String, Object>>map(v -> v).orElse(Map.of())));
        }
        return Optional.empty();
    }

    private void check(Start start) {
        DeployedDefinitions deployed = definitions.getObject();
        Optional<String> definitionId = start.definitionId() != null ? Optional.of(start.definitionId())
                : Optional.ofNullable(start.definitionKey()).flatMap(deployed::latest).map(ProcessDefinition::getId);
        try {
            definitionId.ifPresent(id -> deployed.form(id).variables(start.variables()));
        } catch (CaseException refused) {
            log.warn("APPLICATION-001 refused starting {}: {}", definitionId.get(), refused.getMessage());
            throw new InvalidRequestException(Response.Status.BAD_REQUEST, refused.getMessage());
        }
    }
}
