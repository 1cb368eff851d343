package org.approvalchain.engine.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.approvalchain.engine.design.ModelDeployments;
import org.approvalchain.engine.design.ModelDeployments.DeployedVersion;
import org.approvalchain.engine.design.ModelDraft;
import org.approvalchain.engine.design.ModelDrafts;
import org.approvalchain.engine.legal.ElementTemplates;
import org.approvalchain.engine.process.CaseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The designer's workspace: element templates, drafts (each user's own, versioned) and deploying
 * through the legal gate (the deployed versions are {@link ProcessVersionsController}'s). For process designers
 * and administrators only; another user's draft is not found.
 */
@Tag(name = "Process design")
@RestController
@RequestMapping("/api/models")
@PreAuthorize("hasAnyAuthority('GROUP_process-designers', 'GROUP_camunda-admin')")
class DesignController {

    private final ModelDrafts drafts;
    private final ModelDeployments deployments;
    private final ElementTemplates templates;

    DesignController(ModelDrafts drafts, ModelDeployments deployments, ElementTemplates templates) {
        this.drafts = drafts;
        this.deployments = deployments;
        this.templates = templates;
    }

    /** A model to save or deploy: its name (the process id, usually) and its BPMN XML. */
    record Model(@NotBlank String name, @NotNull String bpmnXml) {
    }

    @Operation(summary = "List the element templates",
            description = "The Camunda 7 element templates generated from the contracts' ABIs: one per state-changing "
                    + "function a model may bind, and the manual and assisted decision templates; for process designers "
                    + "and administrators.")
    @GetMapping("/element-templates")
    List<Map<String, Object>> elementTemplates() {
        return templates.all();
    }

    @Operation(summary = "List my drafts", description = "The signed-in designer's own drafts, every version, newest first.")
    @GetMapping("/drafts")
    List<ModelDraft> drafts(Principal user) {
        return drafts.list(user.getName());
    }

    @Operation(summary = "Save a draft",
            description = "Keeps the model as the next version of the designer's draft of this name (the process id), "
                    + "without deploying it.")
    @Refusals({"DRAFT-001", "DRAFT-002"})
    @PostMapping("/drafts")
    ResponseEntity<ModelDraft> save(@Valid @RequestBody Model model, Principal user) {
        ModelDraft saved = drafts.save(user.getName(), model.name(), model.bpmnXml());
        return ResponseEntity.created(URI.create("/api/models/drafts/" + saved.id())).body(saved);
    }

    @Operation(summary = "Read one of my drafts", description = "A draft of the signed-in designer, with its BPMN XML.")
    @Refusals({"DRAFT-003"})
    @GetMapping("/drafts/{id}")
    ModelDraft draft(@Parameter(description = "the draft's id") @PathVariable long id, Principal user) {
        return drafts.get(user.getName(), id).orElseThrow(() -> notFound("DRAFT-003 you have no draft " + id));
    }

    @Operation(summary = "Deploy a model",
            description = "Deploys the model as the designer (with their Camunda permissions) through the legal gate; "
                    + "a refusal lists every finding.")
    @Refusals({"DRAFT-001", "DEPLOY-001", "DEPLOY-002", "DEPLOY-003"})
    @PostMapping("/deployments")
    ResponseEntity<List<DeployedVersion>> deploy(@Valid @RequestBody Model model, Principal user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(deployments.deploy(user.getName(),
                ModelDrafts.checkedName(model.name()), model.bpmnXml().getBytes(StandardCharsets.UTF_8)));
    }

    /** The gate's refusal, with every finding in its words. */
    @ExceptionHandler(ModelDeployments.DeploymentRefused.class)
    ResponseEntity<ProblemDetail> refused(ModelDeployments.DeploymentRefused e) {
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "DEPLOY-001", e.getMessage()));
    }

    private static CaseException notFound(String message) {
        return new CaseException(CaseException.Kind.NOT_FOUND, message);
    }
}
