package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.SharedEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API as a client discovers it: the OpenAPI document names itself and its two ways to sign
 * in, and every operation has a summary, a description, described parameters and its error
 * responses as problem details whose codes docs/errors.md lists; a path no operation serves and a
 * value not of its type answer problem details too; {@code versions/latest} works.
 */
@SharedEngine
class ApiDocumentIT {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    @LocalServerPort
    int port;

    @Test
    void theDocumentNamesTheApiItsVersionAndItsWaysToSignIn() throws IOException {
        JsonNode api = document();
        assertThat(api.at("/info/title").asText()).isEqualTo("ApprovalChain API");
        assertThat(api.at("/info/version").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(api.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        assertThat(api.at("/components/securitySchemes/session/in").asText()).isEqualTo("cookie");
        assertThat(api.path("paths").fieldNames()).toIterable().allMatch(path -> path.startsWith("/api/"))
                .contains("/api/processes/{processKey}/cases", "/api/tasks/{taskId}/decision", "/api/public/licences/{number}",
                        "/api/login", "/api/logout");
        JsonNode publicSecurity = api.at("/paths/~1api~1public~1licences~1{number}/get/security");
        assertThat(publicSecurity.isArray() && publicSecurity.isEmpty()).as("the licence check is public").isTrue();
        assertThat(api.at("/paths/~1api~1tasks/get/security").isMissingNode()).as("the inbox takes the document's sign-ins")
                .isTrue();
    }

    /**
     * Redocly's recommended rules (what {@code redocly lint} applies) find no error in the document,
     * which is left in {@code target/openapi.json} (docs/operations.md).
     */
    @Test
    void anOpenApiLinterFindsNoError() throws IOException, InterruptedException {
        Path file = Path.of("target", "openapi.json").toAbsolutePath();
        Files.writeString(file, document().toPrettyString());
        Process lint = new ProcessBuilder("node", "scripts/lint-openapi.mjs", file.toString())
                .directory(Path.of("src", "main", "web").toFile()).redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor()).as(output).isZero();
    }

    @Test
    void everyOperationIsDescribedWithItsErrorResponsesAndTheirCodes() throws IOException {
        String errors = Files.readString(Path.of("..", "docs", "errors.md"));
        JsonNode api = document();
        List<String> faults = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                operations++;
                String name = method.toUpperCase() + " " + path.getKey();
                checkDescribed(name, operation, faults);
                boolean signedIn = !operation.has("security") || !operation.get("security").isEmpty();
                checkErrors(name, operation, signedIn, errors, faults);
            }
        }
        assertThat(operations).isGreaterThan(30);
        assertThat(faults).as("operations not fully documented").isEmpty();
    }

    @Test
    void aPathNoOperationServesAnswersAProblemWithItsCode() {
        JsonNode unknown = client("wang.fang").request("GET", "/api/no-such-thing", null).refused(404, "API-404");
        assertThat(unknown.path("detail").asText()).contains("/api/no-such-thing");
        assertThat(ApiClient.anonymous(base()).request("GET", "/api/no-such-thing", null).status()).isEqualTo(401);
    }

    @Test
    void aValueNotOfItsTypeAnswersAProblemNamingIt() {
        JsonNode block = client("wang.fang").request("GET", "/api/ledger/blocks/first", null).refused(400, "API-400");
        assertThat(block.path("detail").asText()).isEqualTo("number: 'first' is not a long");
        JsonNode version = client("zheng.lu").request("GET",
                "/api/processes/licence-application/versions/newest/automation-map", null).refused(400, "API-400");
        assertThat(version.path("detail").asText()).contains("'newest' is neither a version number nor latest");
    }

    @Test
    void latestNamesTheLatestVersion() {
        ApiClient legalReviewer = client("zheng.lu");
        JsonNode latest = legalReviewer.request("GET", "/api/processes/licence-application/versions/latest/automation-map",
                null).accepted();
        int version = latest.at("/map/version").asInt();
        assertThat(version).isPositive();
        assertThat(legalReviewer.request("GET", "/api/processes/licence-application/versions/" + version
                + "/automation-map", null).accepted()).isEqualTo(latest);
        assertThat(legalReviewer.request("GET", "/api/processes/no-such-process/versions/latest/automation-map", null)
                .status()).isIn(403, 404);
    }

    private static void checkDescribed(String name, JsonNode operation, List<String> faults) {
        if (operation.path("summary").asText().isBlank()) {
            faults.add(name + ": no summary");
        }
        if (operation.path("description").asText().isBlank()) {
            faults.add(name + ": no description");
        }
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("description").asText().isBlank()) {
                faults.add(name + ": parameter " + parameter.path("name").asText() + " has no description");
            }
        }
    }

    private static void checkErrors(String name, JsonNode operation, boolean signedIn, String errors, List<String> faults) {
        JsonNode responses = operation.path("responses");
        if (signedIn && !responses.has("401")) {
            faults.add(name + ": no 401");
        }
        if (!responses.has("500")) {
            faults.add(name + ": no 500");
        }
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            int status = Integer.parseInt(response.getKey());
            if (status < 400) {
                continue;
            }
            JsonNode examples = response.getValue().at("/content/application~1problem+json/examples");
            if (examples.isEmpty()) {
                faults.add(name + ": " + status + " is not a problem detail with examples");
            }
            for (JsonNode example : examples) {
                String code = example.at("/value/code").asText();
                if (!errors.contains("| `" + code + "` | " + status + " |")) {
                    faults.add(name + ": " + status + " names " + code + ", which docs/errors.md does not list with that status");
                }
            }
        }
    }

    private JsonNode document() {
        return ApiClient.anonymous(base()).request("GET", "/v3/api-docs", null).accepted();
    }

    private ApiClient client(String user) {
        return ApiClient.demoUser(base(), user);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
