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

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.approvalchain.engine.api.JsonBodies;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
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
 * negative number of retries, a batch with neither ids nor query, an unreadable BPMN model, an
 * unknown authorization type or a group or user in a global one, a condition no process
 * waits for); an object or a list as the value of a variable filter; a request the engine calls bad
 * that its REST layer wraps as 500 (skipping listeners at a process's start, a blank job id whose
 * due date is recalculated); a query's own check of how it is built ({@code includeAssignedTasks}
 * without a candidate, more than 200 rows of metrics); a text longer than its database column, or
 * a value the database cannot take (SQLSTATE class 22: {@code processDefinitionKeyNotIn=,}); a
 * request body without a value, or with a value of another type than the REST layer reads without
 * looking ({@code "sorting":[{}]}, an object as a job's due date); a file variable without a file
 * name, a date or a query parameter that cannot be read ({@code orQueries=x}); a request body that
 * Jackson cannot read, answered in this shape naming the field and what it takes
 * ({@code "sorting: expected a list"}) rather than as Jersey's plain text of Jackson's message;</li>
 * <li>404, a look-up of a thing that does not exist: one the REST layer wraps as 500 (start of an
 * unknown process definition, retries of an unknown job) or one an engine command uses without
 * looking (the deployed form of an unknown task, suspending an unknown process definition, the
 * history time to live of an unknown process, decision or case definition);</li>
 * <li>409: a thing with the id given exists already (a second task of the same id), or another
 * request changed the same thing at the same moment (the engine's optimistic lock).</li>
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
            "ENGINE-09003", // an unreadable BPMN model (the deployment gate refuses anything but BPMN before Camunda reads it)
            "ENGINE-13043", "ENGINE-13050", "ENGINE-13051", "ENGINE-13054"); // no process waits; no ids nor query; retries < 0

    /** The engine's codes of a look-up of a thing that does not exist that Camunda's REST API answers 500. */
    private static final Set<String> UNKNOWN = Set.of("ENGINE-13053"); // no job with that id

    /**
     * The messages of the engine's checks of an argument that Camunda's REST layer answers 500 with
     * the message only, without the exception (a job's due date recalculated of a blank job id).
     */
    private static final Set<String> UNWRAPPED_ARGUMENT_CHECKS = Set.of("The job id is mandatory: jobId is empty");

    /** Engine commands that use a thing they looked up without looking whether it was found. */
    private static final Set<String> UNCHECKED_LOOKUPS = Set.of("org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd",
            "org.camunda.bpm.engine.impl.cmd.AbstractSetProcessDefinitionStateCmd",
            "org.camunda.bpm.engine.impl.cmd.UpdateProcessDefinitionHistoryTimeToLiveCmd",
            "org.camunda.bpm.engine.impl.cmd.UpdateDecisionDefinitionHistoryTimeToLiveCmd",
            "org.camunda.bpm.engine.impl.cmmn.cmd.UpdateCaseDefinitionHistoryTimeToLiveCmd");

    private static final String REST_LAYER = "org.camunda.bpm.engine.rest.";
    private static final String QUERY_PARAMETERS = "org.camunda.bpm.engine.rest.dto.AbstractSearchQueryDto";
    private static final String ARGUMENT_CHECKS = "org.camunda.bpm.engine.impl.util.EnsureUtil";
    private static final String COMMAND = "org.camunda.bpm.engine.impl.interceptor.CommandExecutorImpl";
    private static final String UNIQUE_VIOLATION = "23505"; // SQLSTATE, H2 and PostgreSQL alike
    /** SQLSTATE class of a value the database cannot take (too long, of another type), H2 and PostgreSQL alike. */
    private static final String DATA_EXCEPTION = "22";
    private static final String CONCURRENT_CHANGE =
            "another request changed the same thing at the same moment; try again";

    /**
     * Where Camunda's REST layer makes a value of a request, outside any command of the engine: typed
     * variables, dates, and the query parameters of a list it sets by reflection ({@code orQueries=x}).
     */
    private static final Predicate<String> REQUEST_READERS = name -> name.startsWith("org.camunda.bpm.engine.variable.")
            || name.equals("org.camunda.bpm.engine.impl.calendar.DateTimeUtil") || name.equals(QUERY_PARAMETERS);

    @Bean
    ResourceConfigCustomizer camundaArgumentRefusals() {
        return config -> config.register(EngineRefusals.class).register(RestRefusals.class).register(MissingValues.class)
                .register(WrongTypes.class).register(UnreadableValues.class).register(UnparsableBodies.class)
                .register(MismatchedBodies.class).register(TaskIds.class);
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
                if (sqlState(e, state -> state.startsWith(DATA_EXCEPTION))) {
                    return answer(Response.Status.BAD_REQUEST, "a value is of a kind the database cannot take"
                            + " (an empty list where a value belongs, a text where a number belongs)");
                }
                if (sqlState(e, UNIQUE_VIOLATION::equals)) {
                    return answer(Response.Status.CONFLICT, "a thing with this id exists already");
                }
            }
            if (e instanceof OptimisticLockingException) {
                return answer(Response.Status.CONFLICT, CONCURRENT_CHANGE);
            }
            if (badInput(e) || queriedByObject(e) || queryMisuse(e)) {
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
                if (e.getCause() instanceof OptimisticLockingException) {
                    return answer(Response.Status.CONFLICT, CONCURRENT_CHANGE);
                }
                if (e.getCause() instanceof NullValueException missing && argumentCheck(missing)
                        || e.getCause() instanceof NotFoundException || startsWithAny(e.getMessage(), UNKNOWN)) {
                    return answer(Response.Status.NOT_FOUND, e); // "task x doesn't exist: task is null"
                }
                if (e.getCause() instanceof BadUserRequestException
                        || e.getCause() instanceof ProcessEngineException cause && badInput(cause)
                        || startsWithAny(e.getMessage(), BAD_INPUT)
                        || e.getCause() == null && startsWithAny(e.getMessage(), UNWRAPPED_ARGUMENT_CHECKS)) {
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
     * A typed value (a file without a file name), a date or a query parameter of a list
     * ({@code orQueries=x}: "argument type mismatch") Camunda's REST layer makes of a request and
     * cannot, outside any command of the engine.
     */
    @Priority(1)
    static class UnreadableValues implements ExceptionMapper<IllegalArgumentException> {

        @Override
        public Response toResponse(IllegalArgumentException e) {
            String thrownIn = thrownIn(e);
            if (!REQUEST_READERS.test(thrownIn) || !onStack(e, name -> name.startsWith(REST_LAYER)) || onStack(e, COMMAND::equals)) {
                return ExceptionHandlerHelper.getInstance().getResponse(e);
            }
            return thrownIn.equals(QUERY_PARAMETERS) // its message is reflection's: "argument type mismatch"
                    ? answer(Response.Status.BAD_REQUEST, "a query parameter is not of the type this operation takes")
                    : answer(Response.Status.BAD_REQUEST, e);
        }
    }

    /**
     * A request body that is no JSON ({@code {}): in Camunda's error shape, where Camunda answers
     * it without a message. Ahead of Camunda's and Jersey's mappers of the same exception.
     */
    @Priority(1)
    static class UnparsableBodies implements ExceptionMapper<JsonParseException> {

        @Override
        public Response toResponse(JsonParseException e) {
            return unreadableBody(e);
        }
    }

    /**
     * A request body with a value of another type than its field takes ({@code "sorting":5}): in
     * Camunda's error shape, naming the field and what it takes, where Jersey's mapper answers plain
     * text with Jackson's message (Java's names of Camunda's classes).
     */
    @Priority(1)
    static class MismatchedBodies implements ExceptionMapper<JsonMappingException> {

        @Override
        public Response toResponse(JsonMappingException e) {
            return unreadableBody(e);
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

    /**
     * What is wrong with a request body Jackson could not read, in plain words. Jackson's failure to
     * write an answer ({@code JsonGenerator}) is the engine's, and stays 500.
     */
    private static Response unreadableBody(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch) {
            return answer(Response.Status.BAD_REQUEST, JsonBodies.mismatched(mismatch));
        }
        if (e instanceof StreamReadException) {
            JsonLocation at = e.getLocation();
            return answer(Response.Status.BAD_REQUEST, at == null ? "the request body is not JSON"
                    : "the request body is not JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        }
        if (e instanceof JsonMappingException mapping && mapping.getProcessor() instanceof JsonParser) {
            return answer(Response.Status.BAD_REQUEST, "the request body is not JSON of the shape this operation takes");
        }
        return ExceptionHandlerHelper.getInstance().getResponse(e);
    }

    private static boolean badInput(ProcessEngineException e) {
        return argumentCheck(e) || startsWithAny(e.getMessage(), BAD_INPUT);
    }

    /** Whether a message starts with one of the engine's codes or messages. */
    private static boolean startsWithAny(String message, Set<String> starts) {
        return message != null && starts.stream().anyMatch(message::startsWith);
    }

    /** Thrown by the engine's argument checks ({@code EnsureUtil}), with nothing underneath. */
    private static boolean argumentCheck(ProcessEngineException e) {
        return (plain(e) || e.getCause() == null && e instanceof NullValueException) && onStack(e, ARGUMENT_CHECKS::equals);
    }

    /** An object or a list as the value of a variable filter of a query: "Object values cannot be used to query". */
    private static boolean queriedByObject(ProcessEngineException e) {
        return plain(e) && thrownIn(e).equals("org.camunda.bpm.engine.impl.SingleQueryVariableValueCondition");
    }

    /**
     * A query's own check of how it is built, as Camunda's REST layer builds it from a request
     * outside any command: "Invalid query usage: candidateUser, ... has to be called before
     * 'includeAssignedTasks'", "Metrics interval query row limit can't be set larger than 200".
     */
    private static boolean queryMisuse(ProcessEngineException e) {
        String thrownIn = thrownIn(e);
        return plain(e) && thrownIn.startsWith("org.camunda.bpm.engine.impl.") && thrownIn.endsWith("QueryImpl")
                && !onStack(e, COMMAND::equals);
    }

    /** The engine's plain refusal: a {@code ProcessEngineException} itself (no subclass), with nothing underneath. */
    private static boolean plain(ProcessEngineException e) {
        return e.getClass() == ProcessEngineException.class && e.getCause() == null;
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

    /** Whether the database refused a statement with an SQLSTATE that passes the test, somewhere under the exception. */
    private static boolean sqlState(Throwable e, Predicate<String> state) {
        for (Throwable cause = e; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && state.test(sql.getSQLState())) {
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
