package org.approvalchain.engine.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
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
 * codes, from docs/errors.md ({@link ErrorCatalogue}): 401 and 500 everywhere (but 401 on public
 * operations), 400 where the operation takes input, 403 {@code AUTH-004} on a session's unsafe
 * requests, 403 {@code AUTH-003} on administrators' operations, and what {@link Refusals} names.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BASIC = "basic";
    static final String SESSION = "session";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI approvalChainApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info().title("ApprovalChain API")
                        .version(properties == null ? "development" : properties.getVersion())
                        .description("""
                                The approval engine's REST API: start cases, work the task inbox, sign decisions (SM2 over the \
                                canonical payload, docs/decision-payload.md) that are recorded on chain, read cases with their \
                                chain evidence, audit trails and verification, automation maps, approvers' keys.

                                Errors are RFC 9457 problem details (`application/problem+json`) with a stable `code`: \
                                docs/errors.md lists every code. Sign in with HTTP Basic (programs) or the web application's \
                                session (`POST /api/login`; unsafe requests then send the `AC-XSRF-TOKEN` cookie's value in \
                                `X-XSRF-TOKEN`).""")
                        .license(new License().name("Proprietary")))
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
        ErrorCatalogue catalogue = ErrorCatalogue.load();
        return (operation, handler) -> {
            Map<Integer, List<ErrorCatalogue.Entry>> byStatus = new TreeMap<>();
            codesOf(operation, handler).distinct().map(catalogue::entry)
                    .forEach(e -> byStatus.computeIfAbsent(e.status(), s -> new java.util.ArrayList<>()).add(e));
            byStatus.forEach((status, entries) -> operation.getResponses().addApiResponse(String.valueOf(status),
                    problemResponse(status, entries)));
            if (isPublic(handler)) {
                operation.setSecurity(List.of());
            }
            return operation;
        };
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
                isPublic(handler) ? Stream.<String>empty() : Stream.of("AUTH-001"),
                unsafe && !isPublic(handler) ? Stream.of("AUTH-004") : Stream.<String>empty(),
                forAdministrators ? Stream.of("AUTH-003") : Stream.<String>empty(),
                named == null ? Stream.<String>empty() : Arrays.stream(named.value()),
                Stream.of("API-500")).flatMap(s -> s);
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
