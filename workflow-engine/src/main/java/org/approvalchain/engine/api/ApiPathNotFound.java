package org.approvalchain.engine.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A path under {@code /api} that no operation serves answers a 404 problem detail ({@code API-404})
 * like every other error of the API: Spring MVC hands such a path to its static resources, outside
 * the controllers {@link ApiExceptionHandler} covers, so this advice is global. Any other path
 * keeps Spring Boot's error page: the exception is passed on.
 */
@RestControllerAdvice
class ApiPathNotFound {

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NoResourceFoundException e, HttpServletRequest request)
            throws NoResourceFoundException {
        if (!request.getServletPath().startsWith("/api/")) {
            throw e;
        }
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "no API operation at " + request.getMethod() + " "
                + request.getServletPath() + ": the operations are listed at /v3/api-docs");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
