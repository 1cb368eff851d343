package org.approvalchain.engine.api.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
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
    }
}
