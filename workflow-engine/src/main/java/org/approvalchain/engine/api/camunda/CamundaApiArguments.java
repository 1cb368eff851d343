package org.approvalchain.engine.api.camunda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.rest.TaskRestService;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API answers 500 to many requests that are wrong, not failed, as if the engine had
 * broken down. Those are answered here in Camunda's error shape ({@code {"type":...,"message":...}}),
 * recognised by the engine's code, the exception's class or where it was thrown:
 * <ul>
 * <li>400, bad input: the engine's own check of an argument (a value that is null, an empty list, a
 * number below its least: {@code GET /engine-rest/task?candidateGroups=} is "Candidate group list
 * is empty", or a user or group saved without an id); the refusals the engine names by code (a
 * negative number of retries, a batch with neither ids nor query, an unreadable BPMN, DMN, CMMN or
 * form, an unknown authorization type or a group or user in a global one, a condition no process
 * waits for); an object or a list as the value of a variable filter; a request the engine calls bad
 * that its REST layer wraps as 500 (skipping listeners at a process's start); a text longer than
 * its database column; a request body without a value, or with a value of another type than the
 * REST layer reads without looking ({@code "sorting":[{}]}, an object as a job's due date); a file
 * variable without a file name, a date that cannot be read;</li>
 * <li>404, a look-up of a thing that does not exist: one the REST layer wraps as 500 (start of an
 * unknown process definition, retries of an unknown job) or one an engine command uses without
 * looking (the deployed form of an unknown task, suspending an unknown process definition);</li>
 * <li>409: a thing with the id given exists already (a second task of the same id).</li>
 * </ul>
 * Anything else (a database that is down, a failure of the engine) as Camunda answers it. The id of
 * a task created through the API is refused with 400 unless it is letters, digits and
 * {@code - _ . :} without {@code ..} ({@link TaskIds}).
 */
@Configuration(proxyBeanMethods = false)
class CamundaApiArguments {

    /** The engine's codes of refusals of bad input that Camunda's REST API answers 500. */
    private static final Set<String> BAD_INPUT = Set.of(
            "ENGINE-03025", "ENGINE-03027", "ENGINE-03028", // an authorization of unknown type, a global one of a group or user
            "ENGINE-04001", "ENGINE-09003", "ENGINE-09033", "ENGINE-22004", // an unreadable CMMN, BPMN, form, DMN resource
            "ENGINE-13043", "ENGINE-13050", "ENGINE-13051", "ENGINE-13054"); // no process waits; no ids nor query; retries < 0

    /** The engine's codes of a look-up of a thing that does not exist that Camunda's REST API answers 500. */
    private static final Set<String> UNKNOWN = Set.of("ENGINE-13053"); // no job with that id

    /** Engine commands that use a thing they looked up without looking whether it was found. */
    private static final Set<String> UNCHECKED_LOOKUPS = Set.of("org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd",
            "org.camunda.bpm.engine.impl.cmd.AbstractSetProcessDefinitionStateCmd");

    private static final String REST_LAYER = "org.camunda.bpm.engine.rest.";
    private static final String ARGUMENT_CHECKS = "org.camunda.bpm.engine.impl.util.EnsureUtil";
    private static final String UNIQUE_VIOLATION = "23505"; // SQLSTATE, H2 and PostgreSQL alike

    @Bean
    ResourceConfigCustomizer camundaArgumentRefusals() {
        return config -> config.register(EngineRefusals.class).register(RestRefusals.class).register(MissingValues.class)
                .register(WrongTypes.class).register(UnreadableValues.class).register(TaskIds.class);
    }

    /** Ahead of Camunda's own mapper of the same exception ({@code @Priority}: lower goes first). */
    @Priority(1)
    static class EngineRefusals implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException e) {
            if (e instanceof ProcessEnginePersistenceException) {
                if (e.getCode() == BuiltinExceptionCode.COLUMN_SIZE_TOO_SMALL.getCode()) {
                    return answer(Response.Status.BAD_REQUEST, "a value is longer than the database keeps");
                }
                if (sqlState(e, UNIQUE_VIOLATION)) {
                    return answer(Response.Status.CONFLICT, "a thing with this id exists already");
                }
            }
            if (badInput(e) || queriedByObject(e)) {
                return answer(Response.Status.BAD_REQUEST, e);
            }
            return ExceptionHandlerHelper.getInstance().getResponse(e);
        }
    }

    /** Camunda's REST layer's own exceptions: 500 only where the engine failed. */
    @Priority(1)
    static class RestRefusals implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException e) {
            if (e.getStatus() == Response.Status.INTERNAL_SERVER_ERROR) {
                if (e.getCause() instanceof NullValueException missing && argumentCheck(missing)
                        || e.getCause() instanceof NotFoundException || coded(e.getMessage(), UNKNOWN)) {
                    return answer(Response.Status.NOT_FOUND, e); // "task x doesn't exist: task is null"
                }
                if (e.getCause() instanceof BadUserRequestException
                        || e.getCause() instanceof ProcessEngineException cause && badInput(cause)
                        || coded(e.getMessage(), BAD_INPUT)) {
                    return answer(Response.Status.BAD_REQUEST, e);
                }
            }
            return ExceptionHandlerHelper.getInstance().getResponse(e);
        }
    }

    /**
     * A value Camunda's REST layer or the engine's check of an argument reads from a request body
     * without looking whether it is there; or a thing an engine command looked up and uses without
     * looking whether it was found.
     */
    @Priority(1)
    static class MissingValues implements ExceptionMapper<NullPointerException> {

        @Override
        public Response toResponse(NullPointerException e) {
            String thrownIn = thrownIn(e);
            if (thrownIn.startsWith(REST_LAYER) || thrownIn.equals(ARGUMENT_CHECKS)) {
                return answer(Response.Status.BAD_REQUEST, "the request body lacks a value this operation needs");
            }
            if (onStack(e, UNCHECKED_LOOKUPS::contains)) {
                return answer(Response.Status.NOT_FOUND, "the request names a thing that does not exist");
            }
            return ExceptionHandlerHelper.getInstance().getResponse(e);
        }
    }

    /** A value of a request body of another type than the one Camunda's REST layer casts it to. */
    @Priority(1)
    static class WrongTypes implements ExceptionMapper<ClassCastException> {

        @Override
        public Response toResponse(ClassCastException e) {
            return thrownIn(e).startsWith(REST_LAYER)
                    ? answer(Response.Status.BAD_REQUEST, "a value in the request body is not of the type this operation takes")
                    : ExceptionHandlerHelper.getInstance().getResponse(e);
        }
    }

    /**
     * A typed value (a file without a file name) or a date Camunda's REST layer makes of a request
     * and cannot, outside any command of the engine.
     */
    @Priority(1)
    static class UnreadableValues implements ExceptionMapper<IllegalArgumentException> {

        @Override
        public Response toResponse(IllegalArgumentException e) {
            String thrownIn = thrownIn(e);
            boolean readingRequest = (thrownIn.startsWith("org.camunda.bpm.engine.variable.")
                    || thrownIn.equals("org.camunda.bpm.engine.impl.calendar.DateTimeUtil"))
                    && onStack(e, name -> name.startsWith(REST_LAYER))
                    && !onStack(e, "org.camunda.bpm.engine.impl.interceptor.CommandExecutorImpl"::equals);
            return readingRequest ? answer(Response.Status.BAD_REQUEST, e) : ExceptionHandlerHelper.getInstance().getResponse(e);
        }
    }

    /**
     * The id of a task created through Camunda's REST API, if the request gives one: letters, digits
     * and {@code - _ . :}, not empty, without {@code ..} (Camunda takes any text: {@code ""},
     * {@code "../x"}). Without one the engine makes one.
     */
    static class TaskIds implements ContainerRequestFilter {

        private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]+");
        private static final ObjectMapper JSON = new ObjectMapper();

        @Context
        ResourceInfo resource;

        @Override
        public void filter(ContainerRequestContext request) throws IOException {
            Method method = resource.getResourceMethod();
            if (method == null || !method.getName().equals("createTask")
                    || !TaskRestService.class.isAssignableFrom(method.getDeclaringClass()) || !request.hasEntity()) {
                return;
            }
            byte[] body = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            JsonNode id = id(body);
            if (id.isTextual() && (!ID.matcher(id.asText()).matches() || id.asText().contains(".."))) {
                request.abortWith(answer(Response.Status.BAD_REQUEST,
                        "id: letters, digits and - _ . : only, not empty and without .."));
            }
        }

        /** The body's id; nothing where the body is no JSON object, which Camunda answers itself. */
        private static JsonNode id(byte[] body) {
            try {
                return JSON.readTree(body).path("id");
            } catch (IOException unreadable) {
                return MissingNode.getInstance();
            }
        }
    }

    private static boolean badInput(ProcessEngineException e) {
        return argumentCheck(e) || coded(e.getMessage(), BAD_INPUT);
    }

    /** Whether a message starts with one of the engine's codes. */
    private static boolean coded(String message, Set<String> codes) {
        return message != null && codes.stream().anyMatch(message::startsWith);
    }

    /** Thrown by the engine's argument checks ({@code EnsureUtil}), with nothing underneath. */
    private static boolean argumentCheck(ProcessEngineException e) {
        return e.getCause() == null && (e.getClass() == ProcessEngineException.class || e instanceof NullValueException)
                && onStack(e, ARGUMENT_CHECKS::equals);
    }

    /** An object or a list as the value of a variable filter of a query: "Object values cannot be used to query". */
    private static boolean queriedByObject(ProcessEngineException e) {
        return e.getClass() == ProcessEngineException.class && e.getCause() == null
                && thrownIn(e).equals("org.camunda.bpm.engine.impl.SingleQueryVariableValueCondition");
    }

    /** The class of Camunda's that threw the exception (past the JDK's and libraries' frames), or "". */
    private static String thrownIn(Throwable e) {
        return Arrays.stream(e.getStackTrace()).map(StackTraceElement::getClassName)
                .filter(name -> name.startsWith("org.camunda.")).findFirst().orElse("");
    }

    /** Whether a class whose name passes the test is on the exception's stack. */
    private static boolean onStack(Throwable e, Predicate<String> className) {
        return Arrays.stream(e.getStackTrace()).map(StackTraceElement::getClassName).anyMatch(className);
    }

    /** Whether the database refused a statement with this SQLSTATE, somewhere under the exception. */
    private static boolean sqlState(Throwable e, String state) {
        for (Throwable cause = e; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Response answer(Response.Status status, RuntimeException e) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ExceptionHandlerHelper.getInstance().fromException(e)).build();
    }

    /** An answer in Camunda's error shape with a message of ours. */
    static Response answer(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", "InvalidRequestException", "message", message)).build();
    }
}
