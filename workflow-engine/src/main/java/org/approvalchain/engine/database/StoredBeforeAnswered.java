package org.approvalchain.engine.database;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.h2.mvstore.MVStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No answer of the API shows what a crash of the embedded database could still take back. H2
 * (2.4.240) makes a commit visible to the other sessions first and writes it to its file after
 * that, once it has H2's store lock ({@code Transaction.commit}: {@code TransactionStore.commit},
 * then {@code endTransaction} → {@code MVStore.commit}); under load the commits queue for that
 * lock, and a read in the queue's time can see, say, a task that a {@code kill -9} then loses: the
 * client was shown a task id that after the restart never existed (found by the crash storm at 64
 * cases in flight, docs/performance.md). So before an answer's first byte leaves (or its status,
 * when it has no body), the store writes what it holds ({@code MVStore.commit}: under the store
 * lock, after any store already under way; nothing to write when that one wrote it all), and what
 * the request read is on disk when the client sees it. For our API, Camunda's REST API and its web
 * applications' API; not on PostgreSQL, which shows a commit only once it is in its log.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class StoredBeforeAnswered {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> storedBeforeAnsweredFilter(DataSource dataSource) throws SQLException {
        Optional<MVStore> store;
        try (Connection connection = dataSource.getConnection()) {
            store = EmbeddedH2.fileStore(connection);
        }
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new Filter(store.<Runnable>map(s -> s::commit).orElse(() -> { })));
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("stored-before-answered");
        registration.setEnabled(store.isPresent());
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final Runnable write;

        /** {@code write} writes what the store holds, returning once it is on disk. */
        Filter(Runnable write) {
            this.write = write;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            StoredFirst answer = new StoredFirst(response, write);
            chain.doFilter(request, answer);
            if (!request.isAsyncStarted()) {
                // an answer with no body leaves after this; an asynchronous one is written later, through the wrapper
                answer.store();
            }
        }
    }

    /** Stores before the first call that may send anything to the client. */
    private static final class StoredFirst extends HttpServletResponseWrapper {

        private final Runnable write;
        private boolean stored;

        StoredFirst(HttpServletResponse response, Runnable write) {
            super(response);
            this.write = write;
        }

        void store() {
            if (!stored) {
                stored = true;
                write.run();
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
