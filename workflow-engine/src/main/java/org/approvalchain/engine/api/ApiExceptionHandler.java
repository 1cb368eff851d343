package org.approvalchain.engine.api;

import java.time.Instant;

import org.approvalchain.engine.events.SubscriptionException;
import org.approvalchain.engine.ledger.LedgerUnavailableException;
import org.approvalchain.engine.ledger.TransactionRejectedException;
import org.approvalchain.engine.keys.EnrolmentException;
import org.approvalchain.engine.process.CaseException;
import org.approvalchain.engine.proxy.ProxyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our API as an RFC 9457 problem detail that says what was wrong, never a stack
 * trace: 400 for bad input, 403/404/409 from the capability, 503 when the chain is unavailable, 500
 * for anything unexpected; each with a stable {@code code} (see {@link Problems}, docs/errors.md).
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(CaseException.class)
    ProblemDetail caseProblem(CaseException e) {
        return refusal(e.kind().name(), e.getMessage());
    }

    @ExceptionHandler(ProxyException.class)
    ProblemDetail proxyProblem(ProxyException e) {
        return refusal(e.kind().name(), e.getMessage());
    }

    @ExceptionHandler(EnrolmentException.class)
    ProblemDetail enrolmentProblem(EnrolmentException e) {
        return refusal(e.kind().name(), e.getMessage());
    }

    /** An invalid subscription names its field in the problem's {@code field} property too. */
    @ExceptionHandler(SubscriptionException.class)
    ProblemDetail subscriptionProblem(SubscriptionException e) {
        ProblemDetail problem = refusal(e.kind().name(), e.getMessage());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }

    /** A refusal by its kind, named alike in the process, keys and proxy modules. */
    private static ProblemDetail refusal(String kind, String message) {
        HttpStatus status = switch (kind) {
            case "NOT_FOUND" -> HttpStatus.NOT_FOUND;
            case "FORBIDDEN" -> HttpStatus.FORBIDDEN;
            case "CONFLICT" -> HttpStatus.CONFLICT;
            default -> HttpStatus.BAD_REQUEST;
        };
        return Problems.of(status, message);
    }

    /** A header or path Spring Security's firewall refuses once the operation reads it (a control character, say). */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "the request is refused: " + e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** Names each invalid field of a request body, e.g. {@code signature: must not be blank}. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage()).sorted().reduce((a, b) -> a + "; " + b)
                .orElse("invalid request body");
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.BAD_REQUEST, detail));
    }

    /** A parameter outside its bounds, e.g. {@code page=-1}: names the parameter and the bound. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        String detail = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> result.getMethodParameter().getParameterName() + ": " + error.getDefaultMessage()))
                .sorted().reduce((a, b) -> a + "; " + b).orElse("invalid parameters");
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.BAD_REQUEST, detail));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.BAD_REQUEST, JsonBodies.unreadable(e)));
    }

    /**
     * A path or query parameter that is not of its type, e.g. {@code page=first}: names the parameter
     * and the value; one that takes a single value, given more than once, says so.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String type = e.getRequiredType() == null ? "of its type" : "a " + e.getRequiredType().getSimpleName();
        String message = e.getValue() instanceof Object[] values && values.length != 1
                ? e.getPropertyName() + ": given " + values.length + " times, it takes one value"
                : e.getPropertyName() + ": '" + (e.getValue() instanceof Object[] one ? one[0] : e.getValue()) + "' is not " + type;
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.BAD_REQUEST, message));
    }

    /** Spring MVC's own errors (405, 415, a missing parameter...) carry a code too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            Problems.ensureCode(problem);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    @ExceptionHandler({LedgerUnavailableException.class, TransactionRejectedException.class})
    ProblemDetail chainUnavailable(RuntimeException e) {
        log.warn("API-503 chain write failed: {}", e.getMessage());
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "the chain did not accept the write: " + e.getMessage());
    }

    /**
     * Anything unexpected: logged with its stack trace, answered 500 without it. Spring Security's
     * refusals pass on to its own handling (401 and 403 with their codes).
     */
    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        log.error("API-500 unexpected error", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "API-500 unexpected error inside the engine (logged at "
                + Instant.now() + "); retry later or report it with this time");
    }
}
