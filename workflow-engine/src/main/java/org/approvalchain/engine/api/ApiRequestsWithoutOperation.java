package org.approvalchain.engine.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests under {@code /api} that Spring MVC refuses before any operation takes them answer a problem
 * detail like every other error of the API: a path no operation serves (404, {@code API-404}: Spring
 * MVC hands it to its static resources), a method or a body type no operation at that path takes
 * (405 with {@code Allow}, 415), a multipart body that cannot be read (400). These happen outside
 * the controllers {@link ApiExceptionHandler} covers, so this advice is global; any other path keeps
 * Spring Boot's error page: the exception is passed on.
 */
@RestControllerAdvice
class ApiRequestsWithoutOperation {

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NoResourceFoundException e, HttpServletRequest request) throws Exception {
        return answer(e, request, HttpStatus.NOT_FOUND, new HttpHeaders(), "no API operation at " + request.getMethod() + " "
                + request.getServletPath() + ": the operations are listed at /v3/api-docs");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
            throws Exception {
        HttpHeaders headers = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return answer(e, request, HttpStatus.METHOD_NOT_ALLOWED, headers, request.getServletPath() + " takes "
                + (e.getSupportedMethods() == null ? "no method" : String.join(", ", e.getSupportedMethods()))
                + ", not " + request.getMethod());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedBody(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
            throws Exception {
        return answer(e, request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, new HttpHeaders(), request.getMethod() + " "
                + request.getServletPath() + " takes a body of " + e.getSupportedMediaTypes() + ", not "
                + (e.getContentType() == null ? "one without a Content-Type" : e.getContentType()));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException e, HttpServletRequest request) throws Exception {
        return answer(e, request, HttpStatus.BAD_REQUEST, new HttpHeaders(), "the multipart body cannot be read: send the "
                + "operation's documented body");
    }

    private static ResponseEntity<ProblemDetail> answer(Exception e, HttpServletRequest request, HttpStatus status,
                                                        HttpHeaders headers, String detail) throws Exception {
        if (!request.getServletPath().startsWith("/api/")) {
            throw e;
        }
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, detail));
    }
}
