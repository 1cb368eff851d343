package org.approvalchain.engine.api.camunda;

import java.util.Map;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API answers 500 to several requests that are wrong, not failed, as if the engine
 * had broken down: the engine's own check of an argument (a value that is null, an empty list, a
 * number below its least: {@code GET /engine-rest/task?candidateGroups=} is "Candidate group list is
 * empty"), a handful of refusals the engine names by code (a negative number of retries, a batch
 * with neither ids nor query, an unreadable model, an unknown authorization type, a condition no
 * process waits for), a look-up of a thing that does not exist that its REST layer wraps as 500,
 * and a request body without a value its REST layer reads without looking. Those are answered
 * here as 400 (404 for the look-up), in Camunda's error shape; anything else as Camunda answers it.
 */
@Configuration(proxyBeanMethods = false)
class CamundaApiArguments {

    /** The engine's codes of refusals of bad input that Camunda's REST API answers 500. */
    private static final Set<String> BAD_INPUT = Set.of("ENGINE-03025", "ENGINE-09003", "ENGINE-13043", "ENGINE-13050",
            "ENGINE-13054");

    @Bean
    ResourceConfigCustomizer camundaArgumentRefusals() {
        return config -> config.register(EngineRefusals.class).register(RestRefusals.class).register(MissingValues.class);
    }

    /** Ahead of Camunda's own mapper of the same exception ({@code @Priority}: lower goes first). */
    @Priority(1)
    static class EngineRefusals implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException e) {
            return badInput(e) ? answer(Response.Status.BAD_REQUEST, e) : ExceptionHandlerHelper.getInstance().getResponse(e);
        }
    }

    /** Camunda's REST layer's own exceptions: 500 only where the engine failed. */
    @Priority(1)
    static class RestRefusals implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException e) {
            if (e.getStatus() == Response.Status.INTERNAL_SERVER_ERROR) {
                if (e.getCause() instanceof NullValueException missing && argumentCheck(missing)) {
                    return answer(Response.Status.NOT_FOUND, e); // "task x doesn't exist: task is null"
                }
                if (e.getCause() instanceof ProcessEngineException cause && badInput(cause) || coded(e.getMessage())) {
                    return answer(Response.Status.BAD_REQUEST, e);
                }
            }
            return ExceptionHandlerHelper.getInstance().getResponse(e);
        }
    }

    /** A value Camunda's REST layer reads from a request body without looking whether it is there. */
    @Priority(1)
    static class MissingValues implements ExceptionMapper<NullPointerException> {

        @Override
        public Response toResponse(NullPointerException e) {
            StackTraceElement[] frames = e.getStackTrace();
            boolean restLayer = frames.length > 0 && frames[0].getClassName().startsWith("org.camunda.bpm.engine.rest.");
            if (!restLayer) {
                return ExceptionHandlerHelper.getInstance().getResponse(e);
            }
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("type", "InvalidRequestException",
                            "message", "the request body lacks a value this operation needs"))
                    .build();
        }
    }

    private static boolean badInput(ProcessEngineException e) {
        return argumentCheck(e) || coded(e.getMessage());
    }

    /** Whether a message starts with one of the engine's codes of bad input. */
    private static boolean coded(String message) {
        return message != null && BAD_INPUT.stream().anyMatch(message::startsWith);
    }

    /** Thrown by the engine's argument checks ({@code EnsureUtil}), with nothing underneath. */
    private static boolean argumentCheck(ProcessEngineException e) {
        if (e.getCause() != null || (e.getClass() != ProcessEngineException.class && !(e instanceof NullValueException))) {
            return false;
        }
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().equals("org.camunda.bpm.engine.impl.util.EnsureUtil")) {
                return true;
            }
        }
        return false;
    }

    private static Response answer(Response.Status status, RuntimeException e) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ExceptionHandlerHelper.getInstance().fromException(e)).build();
    }
}
