package org.approvalchain.acceptance;

import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;

/** Starts the engine once before all scenarios and stops it after the last one. */
public class EngineLifecycle {

    @BeforeAll
    public static void startEngine() {
        RunningEngine.start();
    }

    @AfterAll
    public static void stopEngine() {
        RunningEngine.stop();
    }
}
