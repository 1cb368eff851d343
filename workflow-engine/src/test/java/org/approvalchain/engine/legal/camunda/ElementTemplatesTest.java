package org.approvalchain.engine.legal.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.approvalchain.contracts.AbiParameter;
import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.contracts.ContractInterface;
import org.approvalchain.engine.chain.Contracts;
import org.junit.jupiter.api.Test;

/**
 * The Camunda Modeler element templates of bpmn-models/element-templates parse, have the shape of
 * Camunda 7 templates, fix the legal annotations they promise, and bind only inputs the contract
 * function declares.
 */
class ElementTemplatesTest {

    static final Path TEMPLATES = Path.of("../bpmn-models/element-templates");
    static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
    static final Set<String> BINDINGS = Set.of("property", "camunda:property", "camunda:inputParameter",
            "camunda:outputParameter", "camunda:in", "camunda:out", "camunda:executionListener", "camunda:field",
            "camunda:errorEventDefinition");

    @Test
    void everyTemplateParsesAndIsACamunda7Template() throws IOException {
        List<JsonNode> templates = templates();
        assertThat(templates).extracting(t -> t.get("id").asText())
                .contains("org.approvalchain.ContractStep", "org.approvalchain.ManualDecision").doesNotHaveDuplicates();
        for (JsonNode template : templates) {
            assertThat(template.get("$schema").asText()).isEqualTo(SCHEMA);
            assertThat(template.get("name").asText()).isNotBlank();
            assertThat(template.get("appliesTo")).isNotEmpty();
            for (JsonNode property : template.get("properties")) {
                assertThat(property.get("type").asText()).isIn("String", "Text", "Boolean", "Dropdown", "Hidden");
                assertThat(property.at("/binding/type").asText()).isIn(BINDINGS);
                assertThat(property.at("/binding/name").asText()).isNotBlank();
            }
        }
    }

    @Test
    void contractStepsAreAutomaticWithoutDiscretionAndBindDeclaredInputs() throws IOException {
        Map<String, ContractInterface> contracts = new HashMap<>();
        Contracts.interfaces(ChainCrypto.ECDSA).forEach(c -> contracts.put(c.contractName(), c));
        for (JsonNode template : templates()) {
            Map<String, String> fixed = fixed(template);
            if (!template.get("appliesTo").toString().contains("bpmn:ServiceTask")) {
                assertThat(fixed).containsEntry("mode", "manual");
                continue;
            }
            assertThat(fixed).containsEntry("mode", "automatic").containsEntry("discretion", "false")
                    .containsEntry("camunda:delegateExpression", "${contractStep}");
            if (fixed.containsKey("contract")) {
                List<String> inputs = contracts.get(fixed.get("contract")).function(fixed.get("function")).inputs().stream()
                        .map(AbiParameter::name).map(n -> "input." + n).toList();
                assertThat(bound(template).stream().filter(n -> n.startsWith("input.")).toList())
                        .as(template.get("id").asText()).containsExactlyInAnyOrderElementsOf(inputs);
            }
        }
    }

    static Map<String, String> fixed(JsonNode template) {
        Map<String, String> values = new HashMap<>();
        for (JsonNode property : template.get("properties")) {
            if ("Hidden".equals(property.get("type").asText())) {
                values.put(property.at("/binding/name").asText(), property.get("value").asText());
            }
        }
        return values;
    }

    static List<String> bound(JsonNode template) {
        List<String> names = new ArrayList<>();
        template.get("properties").forEach(p -> names.add(p.at("/binding/name").asText()));
        return names;
    }

    static List<JsonNode> templates() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        try (var files = Files.list(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode json = new ObjectMapper().readTree(file.toFile());
                (json.isArray() ? json : new ObjectMapper().createArrayNode().add(json)).forEach(all::add);
            }
        }
        return all;
    }
}
