package org.approvalchain.engine.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.approvalchain.engine.design.ModelDeployments;
import org.approvalchain.engine.design.ModelDeployments.ProcessVersion;
import org.approvalchain.engine.legal.AnchoredMap;
import org.approvalchain.engine.legal.AutomationMaps;
import org.approvalchain.engine.process.CaseException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deployed process versions, for those who design processes or review what they automate
 * (process designers, legal reviewers, administrators): who deployed each version and when, the
 * SM3 of its BPMN and automation map with their anchor on chain, and its BPMN as deployed (to
 * derive a new version, to show its automation map on the diagram, or to compare two versions).
 */
@Tag(name = "Processes")
@RestController
@PreAuthorize("hasAnyAuthority('GROUP_process-designers', 'GROUP_legal-reviewers', 'GROUP_camunda-admin')")
class ProcessVersionsController {

    private final ModelDeployments deployments;
    private final AutomationMaps maps;

    ProcessVersionsController(ModelDeployments deployments, AutomationMaps maps) {
        this.deployments = deployments;
        this.maps = maps;
    }

    /** A deployed version with the hashes of its BPMN and automation map and their anchor on chain. */
    record AnchoredVersion(String processKey, String name, int version, Instant deployedAt, String deployedBy,
                           String bpmnHash, String mapHash, AnchoredMap.Anchor anchor, boolean matchesChain) {
    }

    @Operation(summary = "List the deployed versions",
            description = "Every deployed version of every process: who deployed it and when, the SM3 of its BPMN and "
                    + "of its automation map, their anchor in DefinitionRegistry and whether it matches; for process "
                    + "designers, legal reviewers and administrators.")
    @GetMapping("/api/processes/versions")
    List<AnchoredVersion> versions() {
        return deployments.versions().stream().map(this::anchored).toList();
    }

    private AnchoredVersion anchored(ProcessVersion v) {
        AnchoredMap served = maps.served(v.processKey(), v.version()).orElseThrow();
        return new AnchoredVersion(v.processKey(), v.name(), v.version(), v.deployedAt(), v.deployedBy(), served.bpmnHash(),
                served.mapHash(), served.anchor(), served.matchesChain());
    }

    @Operation(summary = "Read a deployed version's BPMN", description = "The BPMN XML exactly as deployed.")
    @Refusals({"API-404"})
    @GetMapping(path = "/api/processes/{key}/versions/{version}/bpmn", produces = MediaType.APPLICATION_XML_VALUE)
    byte[] deployedBpmn(@Parameter(description = "the process key") @PathVariable String key,
                        @Parameter(description = "the version number") @PathVariable int version) {
        return deployments.bpmn(key, version).orElseThrow(() -> new CaseException(CaseException.Kind.NOT_FOUND,
                "no process '" + key + "' version " + version + " is deployed"));
    }
}
