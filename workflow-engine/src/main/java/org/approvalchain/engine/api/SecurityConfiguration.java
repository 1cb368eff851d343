package org.approvalchain.engine.api;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.approvalchain.engine.identity.UserDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /api/**} requires a user of the user directory (group memberships become {@code
 * GROUP_<id>} authorities, see the identity module), in one of two ways:
 * <ul>
 * <li>programs send HTTP Basic on every request: no session is created for them and no CSRF token
 * is asked of them (nothing rides on a cookie);</li>
 * <li>the web application logs in with a form ({@code POST /api/login}, {@code username} and
 * {@code password}) and then rides on the session cookie; every unsafe request of a session, and
 * the login itself, must carry the CSRF token: the cookie {@value #CSRF_COOKIE} (readable by the
 * page's script) sent back in the header {@code X-XSRF-TOKEN}. {@code POST /api/logout} ends the
 * session.</li>
 * </ul>
 * Camunda's webapps and REST API bring their own authentication; the web application's pages,
 * health (its status; details for administrators), the OpenAPI description and the licence check
 * ({@code GET /api/public/**}) are public; the metrics need an administrator or the metrics group.
 * Not in the command-line mode (no web server).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

    /** The CSRF cookie; not Camunda's {@code XSRF-TOKEN}, which its webapps keep under {@code /camunda}. */
    static final String CSRF_COOKIE = "AC-XSRF-TOKEN";

    static final String LOGIN = "/api/login";
    static final String LOGOUT = "/api/logout";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemDetailsAuthenticationEntryPoint problems) throws Exception {
        CookieCsrfTokenRepository csrfCookie = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfCookie.setCookieName(CSRF_COOKIE);
        csrfCookie.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/api/public/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .formLogin(f -> f.loginProcessingUrl(LOGIN)
                        .successHandler((request, response, auth) -> response.setStatus(HttpStatus.NO_CONTENT.value()))
                        .failureHandler(problems))
                .logout(l -> l.logoutUrl(LOGOUT).deleteCookies("JSESSIONID")
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // an unauthenticated request is answered 401, not remembered in a new session
                .requestCache(c -> c.disable())
                .csrf(c -> c.csrfTokenRepository(csrfCookie)
                        // the token as the cookie holds it: the page sends it back unchanged
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(unsafeRequestOfASession()))
                .addFilterAfter(new CsrfCookie(), BasicAuthenticationFilter.class)
                .build();
    }

    /**
     * Unsafe methods of requests that come with a session cookie, and the login itself. A request
     * without a session cookie can only be authenticated by HTTP Basic, which a forged cross-site
     * request cannot add; one with a session cookie may be forged, so it needs the token.
     */
    private static RequestMatcher unsafeRequestOfASession() {
        return request -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
                && (request.getRequestedSessionId() != null || LOGIN.equals(request.getServletPath()));
    }

    /**
     * The actuator: health (and its liveness and readiness groups) is public, its details for
     * administrators only (application.yml); every other endpoint, {@code /actuator/prometheus}
     * first, for administrators and the {@value UserDirectory#METRICS} group (the scraper's user), by HTTP
     * Basic or the web application's session.
     */
    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http, ProblemDetailsAuthenticationEntryPoint problems) throws Exception {
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .anyRequest().hasAnyAuthority("GROUP_" + UserDirectory.ADMINS, "GROUP_" + UserDirectory.METRICS))
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        // the web application's pages; Camunda's webapps (own session login and CSRF filter) and
        // /engine-rest (EngineRestSecurity)
        return http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .headers(h -> h.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SecurityConfiguration::isWebApplication,
                        new StaticHeadersWriter("Content-Security-Policy", WEB_APPLICATION_POLICY))))
                .build();
    }

    /**
     * What the web application's pages may load and run: its own scripts only (no inline script, no
     * eval), styles also inline (Element Plus and the modeler's editors set them), images also as
     * data and blob URLs (the licence's QR code, a key's backup), requests to the engine only; no
     * plugin, no frame around it. A script slipped into a case's data cannot run, nor send anything
     * elsewhere.
     */
    static final String WEB_APPLICATION_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** The web application's pages and assets: not Camunda's webapps and REST API, nor the OpenAPI pages, which bring their own. */
    private static boolean isWebApplication(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/camunda/") || path.startsWith("/engine-rest") || path.startsWith("/swagger-ui")
                || path.startsWith("/v3/api-docs"));
    }

    /** A request Spring Security's firewall refuses (a {@code ;} or {@code //} in its path, say) answers a problem detail. */
    @Bean
    RequestRejectedHandler problemForRejectedRequests(ObjectMapper json) {
        return (request, response, rejected) -> Problems.write(response, json, HttpStatus.BAD_REQUEST, "API-400",
                "the request is refused: " + rejected.getMessage());
    }

    /**
     * Writes the CSRF cookie on every response to a request without HTTP Basic that has none yet
     * (Spring Security loads the token lazily), so that the page has the token before its first
     * unsafe request, the login. Programs on HTTP Basic get no cookie.
     */
    private static final class CsrfCookie extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getHeader(HttpHeaders.AUTHORIZATION) == null
                    && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
