package org.approvalchain.engine.api;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.approvalchain.engine.database.EmbeddedStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No answer of the API shows what a crash of the embedded database could still take back (H2
 * shows a commit before it writes it: {@link EmbeddedStore}). Before an answer's first byte leaves
 * (or its status, when it has no body), the store writes what it holds, so what the request read
 * is in the file when the client sees it. For our API, Camunda's REST API, its web applications'
 * API and the actuator (health and metrics read the database); not registered on PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class StoredBeforeAnswered {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> storedBeforeAnsweredFilter(EmbeddedStore store) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new Filter(store));
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*", "/actuator/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("stored-before-answered");
        registration.setEnabled(store.present());
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final EmbeddedStore store;

        Filter(EmbeddedStore store) {
            this.store = store;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            StoredFirst answer = new StoredFirst(response, store);
            chain.doFilter(request, answer);
            if (!request.isAsyncStarted()) {
                // an answer with no body leaves after this; an asynchronous one is written later, through the wrapper
                answer.store();
            }
        }
    }

    /** Stores before the first call that may send anything to the client. */
    private static final class StoredFirst extends HttpServletResponseWrapper {

        private final EmbeddedStore store;
        private boolean stored;

        StoredFirst(HttpServletResponse response, EmbeddedStore store) {
            super(response);
            this.store = store;
        }

        void store() throws IOException {
            if (!stored) {
                stored = true;
                try {
                    store.writeWhatItHolds();
                } catch (SQLException e) {
                    throw new IOException("the embedded database's file could not be brought up to date", e);
                }
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            store();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            store();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            store();
            super.flushBuffer();
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            store();
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            store();
            super.sendError(status);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            store();
            super.sendRedirect(location);
        }
    }
}
