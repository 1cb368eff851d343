package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import javax.sql.DataSource;
import org.approvalchain.engine.database.EmbeddedStore;
import org.approvalchain.engine.database.WholeCommits;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * An embedded H2 file database in the state a commit is in while it waits for H2's store lock:
 * visible to every session, not yet in the file (here for as long as the test needs, through a long
 * {@code WRITE_DELAY}). A copy of the file stands for what a {@code kill -9} leaves. The answer's
 * first byte, or its status when it has none, leaves only once what the request read is in the file.
 */
class StoredBeforeAnsweredTest {

    @TempDir
    Path dir;

    private Connection db;
    private StoredBeforeAnswered.Filter filter;
    private int crashes;

    @BeforeEach
    void taskVisibleButNotWritten() throws SQLException, IOException {
        db = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("engine") + ";WRITE_DELAY=600000", "sa", "");
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE task (id VARCHAR(64) PRIMARY KEY)");
            s.execute("CHECKPOINT");
            s.execute("INSERT INTO task VALUES ('task-1')");
        }
        filter = new StoredBeforeAnswered.Filter(new EmbeddedStore(dataSource("jdbc:h2:file:" + dir.resolve("engine"))));
        assertThat(tasks(db)).as("what a read sees").containsExactly("task-1");
        assertThat(tasksAfterCrash()).as("what a crash leaves before the answer").isEmpty();
    }

    @Test
    void theBodyLeavesOnlyOnceWhatWasReadIsWritten() throws ServletException, IOException, SQLException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        List<String> leftBeforeTheBody = new ArrayList<>();
        FilterChain readAndAnswer = (request, answer) -> {
            try {
                List<String> seen = tasks(db);
                leftBeforeTheBody.addAll(tasksAfterCrash());
                answer.getWriter().write(String.join(",", seen));
            } catch (SQLException e) {
                throw new ServletException(e);
            }
        };
        filter.doFilter(new MockHttpServletRequest("GET", "/api/tasks"), response, readAndAnswer);

        assertThat(leftBeforeTheBody).as("stored only when the body is asked for").isEmpty();
        assertThat(response.getContentAsString()).isEqualTo("task-1");
        assertThat(tasksAfterCrash()).as("what a crash leaves once the answer is out").containsExactly("task-1");
    }

    @Test
    void anAnswerWithoutBodyLeavesOnlyOnceWhatWasReadIsWritten() throws ServletException, IOException, SQLException {
        assertWrittenOnceAnswered("HEAD", (request, answer) -> ((HttpServletResponse) answer).setStatus(204), 204);
    }

    @Test
    void anErrorLeavesOnlyOnceWhatWasReadIsWritten() throws ServletException, IOException, SQLException {
        assertWrittenOnceAnswered("POST", (request, answer) -> ((HttpServletResponse) answer).sendError(409), 409);
    }

    private void assertWrittenOnceAnswered(String method, FilterChain answering, int status)
            throws ServletException, IOException, SQLException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest(method, "/api/tasks/task-1"), response, answering);
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(tasksAfterCrash()).as("what a crash leaves once the answer is out").containsExactly("task-1");
    }

    @Test
    void aDatabaseClosedAndOpenedAgainIsTheOneWritten() throws ServletException, IOException, SQLException {
        db.close(); // its last connection: H2 writes everything and closes the store the filter found
        db = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("engine") + ";WRITE_DELAY=600000", "sa", "");
        try (Statement s = db.createStatement()) {
            s.execute("INSERT INTO task VALUES ('task-2')");
        }
        assertThat(tasksAfterCrash()).as("what a crash leaves before the answer").containsExactly("task-1");

        filter.doFilter(new MockHttpServletRequest("GET", "/api/tasks"), new MockHttpServletResponse(),
                (request, answer) -> answer.getWriter().write("task-1,task-2"));
        assertThat(tasksAfterCrash()).as("what a crash leaves once the answer is out").containsExactly("task-1", "task-2");
    }

    @Test
    void theApisAndTheActuatorOfAnEmbeddedFileDatabaseAreFilteredAndNothingElse() throws SQLException {
        var registration = new StoredBeforeAnswered().storedBeforeAnsweredFilter(
                new EmbeddedStore(dataSource("jdbc:h2:file:" + dir.resolve("engine"))));
        assertThat(registration.isEnabled()).isTrue();
        assertThat(registration.getUrlPatterns()).containsExactlyInAnyOrder("/api/*", "/engine-rest/*", "/camunda/api/*",
                "/actuator/*");

        assertThat(new StoredBeforeAnswered().storedBeforeAnsweredFilter(
                new EmbeddedStore(dataSource("jdbc:h2:mem:stored-before-answered;DB_CLOSE_DELAY=-1"))).isEnabled()).isFalse();
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    private static DataSource dataSource(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        return new WholeCommits(dataSource);
    }

    /** Opens a copy of the file as it is now, as the engine would after a kill -9. */
    private List<String> tasksAfterCrash() throws SQLException {
        Path copy = dir.resolve("crash-" + ++crashes);
        try {
            Files.copy(dir.resolve("engine.mv.db"), dir.resolve(copy.getFileName() + ".mv.db"));
        } catch (IOException e) {
            throw new SQLException(e);
        }
        try (Connection restarted = DriverManager.getConnection("jdbc:h2:file:" + copy, "sa", "")) {
            return tasks(restarted);
        }
    }

    private static List<String> tasks(Connection connection) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM task ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
