package org.approvalchain.engine.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.approvalchain.engine.identity.PasswordChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds off password guessing without locking anybody out: after {@code
 * approvalchain.login.free-failures} wrong passwords for one user from one client address, that
 * address may try that user again only after a wait (1 s, doubled with each further wrong password,
 * at most {@code approvalchain.login.longest-wait}); a try sooner is answered {@code 429 AUTH-005}
 * with {@code Retry-After}, its password unchecked. From then on one try at a time is checked, so a
 * burst of parallel guesses gets at most as many more as the web server's threads. The count is
 * forgotten after {@code approvalchain.login.forget-after} without a try.
 * <p>
 * Every way a password reaches the engine is covered: HTTP Basic on any path (our API, Camunda's REST
 * API, the actuator), our API's login form and the login of Camunda's webapps; whether the password
 * was right, wrong or not checked at all is what {@link PasswordChecks} saw while the request ran. A
 * right password starts the count again. Counted per address and user, so a stranger's guesses keep
 * neither the official at another address nor anyone else at the same one out.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class LoginThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    /** Camunda webapps' login: {@code POST} with the form fields {@code username} and {@code password}. */
    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

    /** The longest user id Camunda's user table holds. */
    private static final int LONGEST_USER_ID = 255;

    /** A login form larger than this is not read for its user name (its tries count under an empty one). */
    private static final int LARGEST_LOGIN_FORM = 8 * 1024;

    private final ObjectMapper json;
    private final PasswordChecks checks;
    private final int freeFailures;
    private final Duration longestWait;
    private final Cache<Guesser, Failures> failures;

    LoginThrottle(ObjectMapper json, PasswordChecks checks, @Value("${approvalchain.login.free-failures}") int freeFailures,
            @Value("${approvalchain.login.longest-wait}") Duration longestWait,
            @Value("${approvalchain.login.forget-after}") Duration forgetAfter) {
        this.json = json;
        this.checks = checks;
        this.freeFailures = freeFailures;
        this.longestWait = longestWait;
        this.failures = Caffeine.newBuilder().expireAfterAccess(forgetAfter).maximumSize(100_000).build();
    }

    /** Who is guessing whose password: a client address and the user id it sent. */
    private record Guesser(String address, String user) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest read = request;
        String user = basicUser(request);
        if (user == null && "POST".equals(request.getMethod())) {
            if (SecurityConfiguration.LOGIN.equals(request.getServletPath())) {
                user = String.valueOf(request.getParameter("username"));
            } else if (WEBAPP_LOGIN.matcher(request.getRequestURI()).matches()) {
                Replayed form = Replayed.of(request);
                read = form;
                user = form.user;
            }
        }
        if (user == null) {
            chain.doFilter(read, response);
            return;
        }
        // no user id is longer than its column; a longer one is no user's, and would only fill the memory
        Guesser guesser = new Guesser(request.getRemoteAddr(), user.length() > LONGEST_USER_ID
                ? user.substring(0, LONGEST_USER_ID) : user);
        Failures count = failures.get(guesser, g -> new Failures());
        Duration wait = count.begin(Instant.now(), freeFailures);
        if (!wait.isZero()) {
            long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            Problems.write(response, json, HttpStatus.TOO_MANY_REQUESTS, "AUTH-005", "too many wrong passwords for this user "
                    + "from this address: try again in " + seconds + " s");
            return;
        }
        checks.watch();
        try {
            chain.doFilter(read, response);
        } finally {
            Optional<Boolean> accepted = checks.stop();
            int failed = count.end(accepted, Instant.now(), freeFailures, longestWait);
            if (accepted.equals(Optional.of(false)) && failed == freeFailures) {
                log.warn("AUTH-005 {} wrong passwords for user {} from {}: further tries wait", failed,
                        guesser.user().replaceAll("[^\\p{Alnum}._@-]", "?"), guesser.address());
            }
        }
    }

    /** The user id of a request's HTTP Basic credentials, or null when it has none. */
    private static String basicUser(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 ? credentials : credentials.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }

    /**
     * The wrong passwords of one guesser, and the tries under way. Below the free failures tries
     * run as they come (a program's parallel requests are not held up); beyond them, one at a time,
     * each after its wait. A right password starts the count again.
     */
    private static final class Failures {

        private int wrong;
        private int underWay;
        private Instant notBefore = Instant.MIN;

        /** Zero when the try may go ahead (and is then under way), otherwise how long to wait. */
        synchronized Duration begin(Instant now, int free) {
            if (wrong < free || underWay == 0 && !now.isBefore(notBefore)) {
                underWay++;
                return Duration.ZERO;
            }
            return notBefore.isAfter(now) ? Duration.between(now, notBefore) : Duration.ofSeconds(1);
        }

        /** Ends a try whose password was accepted, refused or not checked; returns the wrong passwords so far. */
        synchronized int end(Optional<Boolean> accepted, Instant now, int free, Duration longest) {
            underWay--;
            if (accepted.equals(Optional.of(true))) {
                wrong = 0;
                notBefore = Instant.MIN;
            } else if (accepted.isPresent() && ++wrong >= free) {
                int doublings = Math.min(wrong - free, 30);
                Duration wait = Duration.ofSeconds(1L << doublings);
                notBefore = now.plus(wait.compareTo(longest) > 0 ? longest : wait);
            }
            return wrong;
        }
    }

    /**
     * Camunda webapps' login form, read ahead for its user name and handed on as it came: they read
     * it from the body (its parameters read from the servlet request would leave them an empty body).
     */
    private static final class Replayed extends HttpServletRequestWrapper {

        private final InputStream body;
        private final String user;

        private Replayed(HttpServletRequest request, InputStream body, String user) {
            super(request);
            this.body = body;
            this.user = user;
        }

        static Replayed of(HttpServletRequest request) throws IOException {
            InputStream original = request.getInputStream();
            byte[] start = original.readNBytes(LARGEST_LOGIN_FORM + 1);
            String user = "";
            if (start.length <= LARGEST_LOGIN_FORM) {
                for (String field : new String(start, StandardCharsets.ISO_8859_1).split("&")) {
                    if (field.startsWith("username=")) {
                        user = URLDecoder.decode(field.substring(9), StandardCharsets.UTF_8);
                    }
                }
            }
            return new Replayed(request, new SequenceInputStream(new ByteArrayInputStream(start), original), user);
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                private boolean finished;

                @Override
                public int read() throws IOException {
                    int b = body.read();
                    finished = b < 0;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = body.read(buffer, offset, length);
                    finished = n < 0;
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return finished;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("a login form is read as it is");
                }
            };
        }
    }
}
