package org.approvalchain.acceptance;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;

/**
 * Starts the engine once before all scenarios and stops it after the last one. Before it stops, a
 * run of the whole feature set checks that the scenarios took every process to each of its ends
 * ({@link EndEventCoverage}); a run of some features only (e.g. {@code -Dcucumber.features=…}, a
 * tag or name filter, one file from an IDE) cannot, and says so. Every case any run left must verify
 * against the chain ({@link EveryCaseVerified}).
 */
public class EngineLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EngineLifecycle.class);
    private static final String FEATURES = "classpath*:features/**/*.feature";
    private static final Set<String> featuresRun = ConcurrentHashMap.newKeySet();

    @BeforeAll
    public static void startEngine() {
        RunningEngine.start();
    }

    @After
    public void featureRan(Scenario scenario) {
        String uri = scenario.getUri().toString();
        featuresRun.add(uri.substring(uri.lastIndexOf('/') + 1));
    }

    @AfterAll
    public static void stopEngine() {
        try {
            Optional<String> partial = partialRun();
            if (partial.isPresent()) {
                log.warn("{}: whether every process reached each of its ends is checked on a run of all features only",
                        partial.get());
            } else {
                EndEventCoverage.assertEveryEndReached(RunningEngine.get().as("demo"));
            }
            log.info(EveryCaseVerified.assertEveryCaseVerifies(RunningEngine.get().as("demo")));
        } finally {
            RunningEngine.stop();
        }
    }

    /** Why this run is not the whole feature set: a filter of Cucumber's, or the features that ran no scenario. */
    private static Optional<String> partialRun() {
        Optional<String> filter = Stream.of("cucumber.filter.tags", "cucumber.filter.name")
                .filter(property -> System.getProperty(property) != null).findFirst();
        if (filter.isPresent()) {
            return Optional.of("scenarios filtered by " + filter.get());
        }
        List<String> notRun = EndEventCoverage.resources(FEATURES).stream().map(Resource::getFilename)
                .filter(feature -> !featuresRun.contains(feature)).toList();
        return notRun.isEmpty() ? Optional.empty() : Optional.of("features not run: " + notRun);
    }
}
