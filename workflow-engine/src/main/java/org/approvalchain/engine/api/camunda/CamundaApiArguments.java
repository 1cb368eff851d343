package org.approvalchain.engine.api.camunda;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API answers 500 when the engine's own check of an argument refuses a request (a
 * value that is null, an empty list, a number below its least: {@code GET /engine-rest/task?candidateGroups=}
 * is "Candidate group list is empty"), as if the engine had failed. Those refusals are answered
 * 400 here, in Camunda's error shape; anything else as Camunda answers it.
 */
@Configuration(proxyBeanMethods = false)
class CamundaApiArguments {

    @Bean
    ResourceConfigCustomizer camundaArgumentRefusals() {
        return config -> config.register(ArgumentRefusals.class);
    }

    /** Ahead of Camunda's own mapper of the same exception ({@code @Priority}: lower goes first). */
    @Priority(1)
    static class ArgumentRefusals implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException e) {
            ExceptionHandlerHelper camundas = ExceptionHandlerHelper.getInstance();
            if (!argumentRefused(e)) {
                return camundas.getResponse(e);
            }
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(camundas.fromException(e)).build();
        }

        /** Thrown by the engine's argument checks ({@code EnsureUtil}), with nothing underneath. */
        static boolean argumentRefused(ProcessEngineException e) {
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
    }
}
