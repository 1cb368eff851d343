package org.approvalchain.engine.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document of our API ({@code /v3/api-docs}, {@code /swagger-ui.html}): its title and
 * the engine's version, the two ways to sign in (HTTP Basic, and the web application's session
 * with its CSRF token), and on every operation its error responses as problem details with their
 * codes, from docs/errors.md ({@link ErrorCatalogue}): 401, 429 and 500 everywhere (but 401 and 429
 * on public operations), 400 where the operation takes input, 403 {@code AUTH-004} on a session's unsafe
 * requests, 403 {@code AUTH-003} on administrators' operations, and what {@link Refusals} names;
 * the shared path parameters described once.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BASIC = "basic";
    static final String SESSION = "session";
    private static final String PROBLEM = "Problem";
    /** The path parameters several operations share, described once. */
    private static final Map<String, String> PATH_PARAMETERS = Map.of(
            "caseId", "the case id (the business key of its process instance), as the start answered it",
            "taskId", "a task's id, as GET /api/tasks lists it",
            "processKey", "a deployed process's key, e.g. licence-application",
            "key", "a deployed process's key, e.g. licence-application",
            "id", "the key enrolment's id",
            "fingerprint", "the key's fingerprint, as the list of keys shows it",
            "userId", "a user of the identity service");

    private final ErrorCatalogue catalogue = ErrorCatalogue.load();
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI approvalChainApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .path(SecurityConfiguration.LOGIN, new PathItem().post(session("login", "Log in (the web application's session)",
                        "Form `username` and `password`, with the CSRF token (the `AC-XSRF-TOKEN` cookie's value in "
                                + "`X-XSRF-TOKEN`); 204 and the session cookie.", "AUTH-002", "AUTH-004", "AUTH-005")
                        .requestBody(new RequestBody().required(true).content(new Content().addMediaType(
                                "application/x-www-form-urlencoded", new MediaType().schema(new ObjectSchema()
                                        .addProperty("username", new StringSchema().example("wang.fang"))
                                        .addProperty("password", new StringSchema())
                                        .required(List.of("username", "password"))))))))
                .path(SecurityConfiguration.LOGOUT, new PathItem().post(session("logout", "Log out",
                        "Ends the web application's session; 204.", "AUTH-004")))
                .info(new Info().title("ApprovalChain API")
                        .version(properties == null ? "development" : properties.getVersion())
                        .description("""
                                The approval engine's REST API: start cases, work the task inbox, sign decisions (SM2 over the \
                                canonical payload, docs/decision-payload.md) that are recorded on chain, read cases with their \
                                chain evidence, audit trails and verification, automation maps, approvers' keys.

                                Errors are RFC 9457 problem details (`application/problem+json`) with a stable `code`: \
                                docs/errors.md lists every code. Sign in with HTTP Basic (programs) or the web application's \
                                session (`POST /api/login`; unsafe requests then send the `AC-XSRF-TOKEN` cookie's value in \
                                `X-XSRF-TOKEN`)."""))
                .servers(List.of(new Server().url("/").description("this engine")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("a user of the identity service (Camunda's users and groups)"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("the web application's session after POST /api/login; unsafe requests also "
                                        + "send the AC-XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header"))
                        .addSchemas(PROBLEM, problemSchema()))
                .security(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(SESSION)));
    }

    @Bean
    OperationCustomizer errorResponses() {
        return (operation, handler) -> {
            byStatus(codesOf(operation, handler)).forEach((status, entries) -> operation.getResponses()
                    .addApiResponse(String.valueOf(status), problemResponse(status, entries)));
            if (isPublic(handler)) {
                operation.setSecurity(List.of());
            }
            if (operation.getParameters() != null) {
                operation.getParameters().stream().filter(p -> "path".equals(p.getIn()) && p.getDescription() == null)
                        .forEach(p -> p.setDescription(PATH_PARAMETERS.get(p.getName())));
            }
            return operation;
        };
    }

    /** An operation of the session's own, served by Spring Security's filters rather than a controller. */
    private Operation session(String id, String summary, String description, String... codes) {
        ApiResponses responses = new ApiResponses().addApiResponse("204", new ApiResponse().description("done"));
        byStatus(Stream.concat(Arrays.stream(codes), Stream.of("API-500"))).forEach((status, entries) ->
                responses.addApiResponse(String.valueOf(status), problemResponse(status, entries)));
        return new Operation().operationId(id).summary(summary).description(description).addTagsItem("Session")
                .security(List.of()).responses(responses);
    }

    /** The codes an operation may answer: those every operation of its kind may, and those it names. */
    private static Stream<String> codesOf(Operation operation, HandlerMethod handler) {
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean unsafe = !handler.hasMethodAnnotation(GetMapping.class);
        boolean forAdministrators = handler.hasMethodAnnotation(PreAuthorize.class)
                || handler.getBeanType().isAnnotationPresent(PreAuthorize.class);
        Refusals named = handler.getMethodAnnotation(Refusals.class);
        return Stream.of(
                takesInput ? Stream.of("API-400") : Stream.<String>empty(),
                isPublic(handler) ? Stream.<String>empty() : Stream.of("AUTH-001", "AUTH-005"),
                unsafe && !isPublic(handler) ? Stream.of("AUTH-004") : Stream.<String>empty(),
                forAdministrators ? Stream.of("AUTH-003") : Stream.<String>empty(),
                named == null ? Stream.<String>empty() : Arrays.stream(named.value()),
                Stream.of("API-500")).flatMap(s -> s);
    }

    /** The codes' entries by their status, each code once. */
    private Map<Integer, List<ErrorCatalogue.Entry>> byStatus(Stream<String> codes) {
        Map<Integer, List<ErrorCatalogue.Entry>> byStatus = new TreeMap<>();
        codes.distinct().map(catalogue::entry)
                .forEach(e -> byStatus.computeIfAbsent(e.status(), s -> new ArrayList<>()).add(e));
        return byStatus;
    }

    private static boolean isPublic(HandlerMethod handler) {
        GetMapping get = handler.getMethodAnnotation(GetMapping.class);
        return get != null && Stream.concat(Arrays.stream(get.value()), Arrays.stream(get.path()))
                .allMatch(path -> path.startsWith("/api/public/"));
    }

    private static ApiResponse problemResponse(int status, List<ErrorCatalogue.Entry> entries) {
        Map<String, Example> examples = new LinkedHashMap<>();
        for (ErrorCatalogue.Entry e : entries) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", HttpStatus.valueOf(status).getReasonPhrase());
            problem.put("status", status);
            problem.put("detail", e.code().startsWith("API-") ? e.meaning() : e.code() + " " + e.meaning());
            problem.put("code", e.code());
            examples.put(e.code(), new Example().summary(e.meaning()).value(problem));
        }
        String description = entries.stream().map(e -> "`" + e.code() + "`: " + e.meaning())
                .reduce((a, b) -> a + "; " + b).orElse(HttpStatus.valueOf(status).getReasonPhrase());
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)).examples(examples)));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().description("about:blank").example("about:blank"));
        properties.put("title", new StringSchema().description("the status's reason phrase").example("Not Found"));
        properties.put("status", new IntegerSchema().description("the HTTP status").example(404));
        properties.put("detail", new StringSchema().description("what was wrong, in the server's words")
                .example("TASK-001 no open task 4f1c2a"));
        properties.put("instance", new StringSchema().description("the request's path"));
        properties.put("code", new StringSchema().description("the stable code (docs/errors.md)").example("TASK-001"));
        return new ObjectSchema().description("RFC 9457 problem details with a stable code").properties(properties)
                .required(List.of("status", "detail", "code"));
    }
}
