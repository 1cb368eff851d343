package org.approvalchain.engine.api;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 from Spring Security as RFC 9457 problem details, like every other API error, with
 * stable codes: {@code AUTH-001} not signed in (or the session expired), {@code AUTH-002} a wrong
 * user or password at the login form, {@code AUTH-003} not allowed, {@code AUTH-004} a session's
 * unsafe request without its CSRF token. Programs are asked for HTTP Basic ({@code WWW-Authenticate}); the web
 * application's requests ({@code X-Requested-With: XMLHttpRequest}) are not, or the browser would
 * pop up its own login dialog instead of ours.
 */
@Component
class ProblemDetailsAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler,
        AuthenticationFailureHandler {

    private final ObjectMapper json;

    ProblemDetailsAuthenticationEntryPoint(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"ApprovalChain\"");
        }
        write(response, HttpStatus.UNAUTHORIZED, "AUTH-001", "Authentication required: HTTP Basic with a user of the identity service");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        write(response, HttpStatus.UNAUTHORIZED, "AUTH-002", "wrong user or password");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            write(response, HttpStatus.FORBIDDEN, "AUTH-004", "missing or stale CSRF token: send the "
                    + SecurityConfiguration.CSRF_COOKIE + " cookie's value in the X-XSRF-TOKEN header");
        } else {
            write(response, HttpStatus.FORBIDDEN, "AUTH-003", "Not allowed for this user");
        }
    }

    private void write(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
        Problems.write(response, json, status, code, detail);
    }
}
