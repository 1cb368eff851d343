package org.approvalchain.engine.api;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Problem details with a stable {@code code} property that clients (the web application first) may
 * translate: the code a message starts with when the capability gave one ({@code DECISION-001 …}),
 * otherwise {@code API-<status>}. The detail stays the server's own words, shown when a client does
 * not know the code.
 */
final class Problems {

    /** The property that carries the code. */
    static final String CODE = "code";

    private static final Pattern LEADING_CODE = Pattern.compile("^([A-Z]+-\\d{3})\\b");

    private Problems() {
    }

    static ProblemDetail of(HttpStatusCode status, String detail) {
        return of(status, codeOf(status, detail), detail);
    }

    static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty(CODE, code);
        return problem;
    }

    /** Answers with a problem outside Spring MVC (in a filter, or for Spring Security). */
    static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String code, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), of(status, code, detail));
    }

    /** Gives a problem that has no code yet the code of its status (Spring MVC's own errors). */
    static void ensureCode(ProblemDetail problem) {
        if (problem.getProperties() == null || !problem.getProperties().containsKey(CODE)) {
            problem.setProperty(CODE, codeOf(HttpStatusCode.valueOf(problem.getStatus()), problem.getDetail()));
        }
    }

    private static String codeOf(HttpStatusCode status, String detail) {
        Matcher leading = LEADING_CODE.matcher(detail == null ? "" : detail);
        return leading.find() ? leading.group(1) : "API-" + status.value();
    }
}
