package org.approvalchain.engine.api.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.sql.SQLException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/**
 * The exceptions {@link CamundaApiArguments} answers 400, 404 or 409 are recognised by where they
 * were thrown and by the engine's codes: the same exceptions thrown elsewhere (a failure of the
 * engine or of our own code) stay 500.
 */
class CamundaApiArgumentsTest {

    @Test
    void leavesFailuresThrownOutsideCamundasRestLayerAndChecksAt500() {
        assertThat(new CamundaApiArguments.MissingValues().toResponse(new NullPointerException("ours")).getStatus())
                .isEqualTo(500);
        assertThat(new CamundaApiArguments.WrongTypes().toResponse(new ClassCastException("ours")).getStatus()).isEqualTo(500);
        assertThat(new CamundaApiArguments.UnreadableValues().toResponse(new IllegalArgumentException("ours")).getStatus())
                .isEqualTo(500);
        assertThat(new CamundaApiArguments.EngineRefusals()
                .toResponse(new ProcessEngineException("Object values cannot be used to query")).getStatus()).isEqualTo(500);
    }

    @Test
    void leavesADatabaseThatFailedAt500AndAnswersADuplicateKey409() {
        CamundaApiArguments.EngineRefusals mapper = new CamundaApiArguments.EngineRefusals();
        SQLException down = new SQLException("Connection refused", "08001");
        assertThat(mapper.toResponse(new ProcessEnginePersistenceException("persistence", down)).getStatus()).isEqualTo(500);

        SQLException duplicate = new SQLException("Unique index or primary key violation", "23505");
        assertThat(mapper.toResponse(new ProcessEnginePersistenceException("persistence", duplicate)).getStatus()).isEqualTo(409);

        SQLException conversion = new SQLException("Data conversion error converting \"ROW to BOOLEAN\"", "22018");
        assertThat(mapper.toResponse(new ProcessEnginePersistenceException("persistence",
                new SQLException("Borrow prepareStatement from pool failed", conversion))).getStatus()).isEqualTo(400);
    }

    @Test
    void answersAThingTwoRequestsChangedAtOnce409() {
        OptimisticLockingException conflict = new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE JobEntity' failed");
        Response direct = new CamundaApiArguments.EngineRefusals().toResponse(conflict);
        assertThat(direct.getStatus()).isEqualTo(409);
        assertThat(direct.getEntity()).asString().contains("at the same moment").doesNotContain("ENGINE-");

        RestException wrapped = new RestException(Response.Status.INTERNAL_SERVER_ERROR, conflict, conflict.getMessage());
        assertThat(new CamundaApiArguments.RestRefusals().toResponse(wrapped).getStatus()).isEqualTo(409);
    }

    @Test
    void leavesJacksonsFailureToWriteAnAnswerAt500() throws Exception {
        try (JsonGenerator writing = new JsonFactory().createGenerator(new StringWriter())) {
            assertThat(new CamundaApiArguments.MismatchedBodies().toResponse(JsonMappingException.from(writing, "cannot write"))
                    .getStatus()).isEqualTo(500);
        }
    }
}
