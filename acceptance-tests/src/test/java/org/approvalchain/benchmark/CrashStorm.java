package org.approvalchain.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.acceptance.client.ApproverKey;
import org.approvalchain.benchmark.JsonClient.Patience;

/**
 * The crash storm (docs/performance.md, run by {@code .ci/crash-storm}): our engine on its
 * embedded defaults, {@code --in-flight} clients working business-registration cases through the
 * API as in the benchmark, while the engine is killed with SIGKILL {@code --kills} times at random
 * moments and started again on the same data directory each time. A client that gets no answer
 * tries again once the engine is back: the start with the same {@code Idempotency-Key}, the same
 * signed decision. The officer approves, and refuses every fourth case. At the end every case
 * must have ended as decided, with each of its steps (and no other) recorded once, and clean
 * against the chain ({@code GET /api/cases/{id}/verify}); its events (a webhook subscription to
 * every type, {@link EventReceiver}) must tell each of its facts under one event id and nothing
 * else; and the stopped engine's {@code --approvalchain.verify=all} must exit 0. Prints what it
 * found; exits 1 if any case fell short.
 */
public final class CrashStorm {

    /** Every fourth case the officer refuses. */
    private static final int REFUSED_EVERY = 4;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
    /** Longer than the dispatcher's claim time (60 s): a delivery claimed by a killed engine waits that out. */
    private static final Duration EVENTS_WAIT = Duration.ofMinutes(3);

    private final Storm storm;
    private final Path work;
    private final OurEngine engine;
    private final JsonClient applicant;
    private final JsonClient officer;
    private final JsonClient admin;
    private final AtomicReference<AppProcess> running = new AtomicReference<>();
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final Map<String, Ending> endings = new ConcurrentHashMap<>();
    private ApproverKey officerKey;

    /**
     * How hard to storm: {@code cases} cases, {@code inFlight} at a time, the engine killed up to
     * {@code kills} times, each a random time between {@code minGap} and {@code maxGap} after the
     * last start (fewer if the cases are all done before); a case not done within {@code caseTimeout} failed.
     */
    record Storm(Path engineJar, int cases, int inFlight, int kills, Duration minGap, Duration maxGap, Duration caseTimeout) {
    }

    /** What the storm left: the failures (none when every case is right) and the exit code of {@code --approvalchain.verify=all}. */
    record Outcome(List<String> failures, int verifyAllExit) {

        boolean clean() {
            return failures.isEmpty() && verifyAllExit == 0;
        }
    }

    private CrashStorm(Storm storm, Path work) throws IOException {
        this.storm = storm;
        this.work = work;
        int port = Benchmark.freePort();
        String url = "http://127.0.0.1:" + port;
        this.engine = OurEngine.embedded(storm.engineJar().toAbsolutePath(), List.of(), work.resolve("ours"), port);
        this.applicant = JsonClient.demoUser(url, OurEngine.APPLICANT);
        this.officer = JsonClient.demoUser(url, OurEngine.OFFICER);
        this.admin = JsonClient.demoUser(url, OurEngine.ADMIN);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> given = new HashMap<>(Map.of("engine-jar", "workflow-engine/target/app/approvalchain.jar",
                "cases", "200", "in-flight", "8", "kills", "6", "min-gap", "3", "max-gap", "12", "case-timeout", "PT10M"));
        Set<String> names = new TreeSet<>(given.keySet());
        names.add("work-dir");
        given.putAll(Options.given(args, names));
        Path work = given.containsKey("work-dir") ? Files.createDirectories(Path.of(given.get("work-dir")))
                : Files.createTempDirectory("approvalchain-crash-storm-");
        Outcome outcome = run(new Storm(Path.of(given.get("engine-jar")), Integer.parseInt(given.get("cases")),
                Integer.parseInt(given.get("in-flight")), Integer.parseInt(given.get("kills")),
                Duration.ofSeconds(Long.parseLong(given.get("min-gap"))), Duration.ofSeconds(Long.parseLong(given.get("max-gap"))),
                Duration.parse(given.get("case-timeout"))), work);
        System.exit(outcome.clean() ? 0 : 1);
    }

    /** Storms our engine from {@code storm.engineJar()} on a data directory in {@code work}; prints what happened. */
    static Outcome run(Storm storm, Path work) throws Exception {
        Outcome outcome = new CrashStorm(storm, work).run();
        System.out.println("logs and data: " + work);
        return outcome;
    }

    private Outcome run() throws Exception {
        try (EventReceiver events = new EventReceiver(Benchmark.freePort())) {
            return run(events);
        }
    }

    private Outcome run(EventReceiver events) throws Exception {
        running.set(engine.start(work.resolve("ours-0.log")));
        officerKey = ApproverKey.ofDemoUser(work.resolve("ours"), OurEngine.OFFICER);
        admin.post("/api/admin/event-subscriptions", Map.of("url", events.url(), "eventTypes", EventReceiver.TYPES,
                "secret", "crash-storm-" + UUID.randomUUID()));
        String run = UUID.randomUUID().toString().substring(0, 6);
        ExecutorService clients = Executors.newFixedThreadPool(storm.inFlight());
        List<Future<String>> outcomes = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < storm.cases(); i++) {
            String tradeName = "风暴" + run + i;
            String idempotencyKey = "crash-storm-" + run + "-" + i;
            Ending ending = i % REFUSED_EVERY == REFUSED_EVERY - 1 ? Ending.REFUSED : Ending.APPROVED;
            outcomes.add(clients.submit(() -> runCase(tradeName, idempotencyKey, ending)));
        }
        clients.shutdown();
        Random random = new Random();
        List<String> restarts = new ArrayList<>();
        long minGap = storm.minGap().toMillis();
        long maxGap = storm.maxGap().toMillis();
        for (int kill = 1; kill <= storm.kills(); kill++) {
            if (clients.awaitTermination(minGap + (long) (random.nextDouble() * (maxGap - minGap)), TimeUnit.MILLISECONDS)) {
                break;
            }
            running.get().kill();
            long killed = System.nanoTime();
            running.set(engine.start(work.resolve("ours-" + kill + ".log")));
            restarts.add(String.format(Locale.ROOT, "kill %d at %.1f s: ready again %.1f s later", kill,
                    (killed - started) / 1e9, (System.nanoTime() - killed) / 1e9));
        }
        List<String> failures = new ArrayList<>();
        List<String> caseIds = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            try {
                caseIds.add(outcome.get());
            } catch (ExecutionException e) {
                failures.add(e.getCause().getMessage());
            }
        }
        endings.keySet().stream().filter(caseId -> !caseIds.contains(caseId)).map(this::heldByEngine).forEach(failures::add);
        double seconds = (System.nanoTime() - started) / 1e9;
        restarts.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%d cases, %d in flight, %d kills in %.0f s; calls tried again: %s%n",
                storm.cases(), storm.inFlight(), restarts.size(), seconds, new TreeMap<>(answers));
        int right = 0;
        for (String caseId : caseIds) {
            Optional<String> wrong = check(caseId);
            wrong.ifPresent(failures::add);
            right += wrong.isEmpty() ? 1 : 0;
        }
        int toldRight = eventsOf(caseIds, events, failures);
        running.get().stop();
        int verifyAll = verifyAll();
        System.out.println("--approvalchain.verify=all exited " + verifyAll + " (see " + work.resolve("verify-all.log") + ")");
        failures.forEach(f -> System.out.println("FAILED " + f));
        System.out.printf(Locale.ROOT, "%d of %d cases ended as decided (every %dth refused), each step once, clean against the chain%n",
                right, storm.cases(), REFUSED_EVERY);
        System.out.printf(Locale.ROOT, "%d of %d cases told by their events, each fact once (%d deliveries received)%n",
                toldRight, storm.cases(), events.deliveries());
        return new Outcome(failures, verifyAll);
    }

    /** One case from the application to its end; every call tried again while the engine does not answer. */
    private String runCase(String tradeName, String idempotencyKey, Ending ending) throws IOException {
        Map<String, Object> body = Map.of("application", Contender.application(tradeName),
                "applicant", Map.of("name", "张风暴", "idNumber", "110105199001011234"));
        String caseId = untilAnswered("start", () -> applicant.post("/api/processes/" + Contender.PROCESS + "/cases", body,
                Map.of("Idempotency-Key", idempotencyKey))).path("caseId").asText();
        endings.put(caseId, ending);
        String taskId = reviewTask(caseId);
        while (true) {
            try {
                String payload = untilAnswered("payload", () -> officer.get("/api/tasks/" + taskId
                        + "/decision-payload?decision=" + ending.decision() + "&reason=" + OurEngine.REASON)).path("payload").asText();
                Map<String, String> signed = Map.of("payload", payload, "signature", officerKey.sign(payload));
                untilAnswered("decision", () -> officer.post("/api/tasks/" + taskId + "/decision", signed));
                break;
            } catch (JsonClient.Answered refused) {
                if (refused.status() != 409) {
                    // a TASK-001 here is a task shown to the officer and lost after it (a resubmitted decision is answered with its status)
                    throw new IOException("case " + caseId + ": " + refused.getMessage(), refused);
                }
                count("decision refused 409, payload fetched again");
            }
        }
        untilAnswered("end", () -> applicant.poll("/api/cases/" + caseId,
                view -> Optional.of(view).filter(v -> "COMPLETED".equals(v.path("state").asText())), Patience.prompt(storm.caseTimeout()))
                .value());
        return caseId;
    }

    /** The officer's review task, once the case view shows it. */
    private String reviewTask(String caseId) throws IOException {
        return untilAnswered("task", () -> officer.poll("/api/cases/" + caseId, OurEngine::reviewTask,
                Patience.prompt(storm.caseTimeout())).value());
    }

    private void count(String what) {
        answers.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    @FunctionalInterface
    private interface Call<T> {
        T call() throws IOException;
    }

    /** Makes {@code call} until the engine answers it: a 2xx is returned, any other answer thrown as it is. */
    private <T> T untilAnswered(String what, Call<T> call) throws IOException {
        long deadline = System.nanoTime() + storm.caseTimeout().toNanos();
        while (true) {
            try {
                return call.call();
            } catch (JsonClient.Answered answered) {
                if (answered.status() < 500 || System.nanoTime() > deadline) {
                    throw answered;
                }
                count(what + " answered " + answered.status());
            } catch (IOException noAnswer) {
                if (System.nanoTime() > deadline) {
                    throw noAnswer;
                }
                count(what + " not answered");
            }
            try {
                Thread.sleep(RETRY_PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    /**
     * What the engine holds of a case that did not end in time, from Camunda's REST API: its jobs
     * (retries, due date, the last failure) and incidents, so that a stuck case says where it waits.
     */
    private String heldByEngine(String caseId) {
        try {
            JsonNode instances = admin.get("/engine-rest/process-instance?businessKey=" + caseId);
            if (instances.isEmpty()) {
                return "case " + caseId + " is not running in the engine";
            }
            String instance = instances.get(0).path("id").asText();
            return "case " + caseId + " as the engine holds it: jobs " + admin.get("/engine-rest/job?processInstanceId=" + instance)
                    + ", incidents " + admin.get("/engine-rest/incident?processInstanceId=" + instance);
        } catch (IOException e) {
            return "case " + caseId + ": the engine's jobs and incidents could not be read: " + e.getMessage();
        }
    }

    /** What is wrong with an ended case, if anything: another end than decided, not each of its steps once, a finding against the chain. */
    private Optional<String> check(String caseId) throws IOException {
        Ending ending = endings.get(caseId);
        JsonNode view = applicant.get("/api/cases/" + caseId);
        if (!ending.endEvent().equals(view.path("endEvent").asText())) {
            return Optional.of("case " + caseId + " ended at " + view.path("endEvent").asText() + ", not " + ending.endEvent());
        }
        Map<String, Integer> steps = new TreeMap<>();
        view.path("steps").forEach(step -> steps.merge(step.path("activityId").asText(), 1, Integer::sum));
        Map<String, Integer> eachOnce = new TreeMap<>();
        ending.steps().forEach(step -> eachOnce.put(step, 1));
        if (!steps.equals(eachOnce)) {
            return Optional.of("case " + caseId + " has the steps " + steps + ", not each of " + ending.steps() + " once");
        }
        JsonNode verified = applicant.get("/api/cases/" + caseId + "/verify");
        return verified.path("clean").asBoolean() ? Optional.empty()
                : Optional.of("case " + caseId + " is not clean against the chain: " + verified.path("findings"));
    }

    /**
     * How many of the cases their events told right: each fact of the case's ending under one event
     * id, nothing else; waits up to {@link #EVENTS_WAIT} for the last deliveries, adds each case
     * told wrong to {@code failures}.
     */
    private int eventsOf(List<String> caseIds, EventReceiver events, List<String> failures) throws InterruptedException {
        long deadline = System.nanoTime() + EVENTS_WAIT.toNanos();
        while (System.nanoTime() < deadline && !caseIds.stream().allMatch(c -> events.told(c, endings.get(c).events()))) {
            Thread.sleep(RETRY_PAUSE.toMillis());
        }
        int right = 0;
        for (String caseId : caseIds) {
            Optional<String> wrong = events.toldWrong(caseId, endings.get(caseId).events());
            wrong.ifPresent(failures::add);
            right += wrong.isEmpty() ? 1 : 0;
        }
        return right;
    }

    /** How a case of the storm ends: the officer's decision, the end event it leads to, the steps on the way, each once. */
    private enum Ending {
        APPROVED("APPROVE", "EndEvent_Registered", "Activity_CheckMaterials", "Activity_CheckName", Contender.REVIEW,
                "Activity_IssueLicence", "Activity_RegisterName"),
        REFUSED("REJECT", "EndEvent_Refused", "Activity_CheckMaterials", "Activity_CheckName", Contender.REVIEW);

        private final String decision;
        private final String endEvent;
        private final List<String> steps;

        Ending(String decision, String endEvent, String... steps) {
            this.decision = decision;
            this.endEvent = endEvent;
            this.steps = List.of(steps);
        }

        String decision() {
            return decision;
        }

        String endEvent() {
            return endEvent;
        }

        List<String> steps() {
            return steps;
        }

        /** What such a case tells, each fact once (EventReceiver: the event type @ the activity it is about). */
        Set<String> events() {
            Set<String> facts = new TreeSet<>(List.of("org.approvalchain.case.started@",
                    "org.approvalchain.task.created@" + Contender.REVIEW, "org.approvalchain.decision.recorded@" + Contender.REVIEW,
                    "org.approvalchain.case.ended@" + endEvent));
            steps.forEach(step -> facts.add("org.approvalchain.step.recorded@" + step));
            return facts;
        }
    }

    /** The command-line check of every case on the stopped engine's data directory; its exit code. */
    private int verifyAll() throws IOException, InterruptedException {
        ProcessBuilder verify = new ProcessBuilder(Benchmark.JAVA, "-jar", storm.engineJar().toAbsolutePath().toString(),
                "--approvalchain.verify=all")
                .redirectErrorStream(true).redirectOutput(work.resolve("verify-all.log").toFile());
        verify.environment().put("APPROVALCHAIN_DATA_DIR", work.resolve("ours").toString());
        return verify.start().waitFor();
    }
}
