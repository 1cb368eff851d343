package org.approvalchain.engine.process;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.approvalchain.engine.chain.Tenders;
import org.approvalchain.engine.record.CaseRecord;
import org.approvalchain.engine.record.KeptDecision;
import org.approvalchain.engine.signing.DecisionPayload;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A committee's scores, taken from its members' signed evaluations only: a user task whose property
 * {@value #SCORES} is {@value #REVEALED_BIDS} is one member's evaluation of the bids its case (a
 * tender) opened on chain, and its payload must carry a score from 0 to {@value #MAX_SCORE} for each
 * of them, so that the member's signature covers their scores. In a model, {@code
 * ${committee.score(caseId, 'Activity_Evaluate', bidId)}} is the mean of a bid's signed scores in the
 * latest round of the committee,
 * rounded half up, and {@code ${committee.evaluations(caseId, 'Activity_Evaluate')}} how many signed
 * evaluations it combines: anyone holding the kept payloads can recompute both.
 */
@Component("committee")
public class CommitteeScores {

    static final String SCORES = "scores";
    static final String REVEALED_BIDS = "revealed-bids";
    static final long MAX_SCORE = 100;

    private final DeployedDefinitions definitions;
    private final Tenders tenders;
    private final CaseRecord record;
    private final HistoryService history;

    CommitteeScores(DeployedDefinitions definitions, Tenders tenders, CaseRecord record, HistoryService history) {
        this.definitions = definitions;
        this.tenders = tenders;
        this.record = record;
        this.history = history;
    }

    /** The mean of the bid's scores in the case's recorded evaluations at {@code activityId}, rounded half up. */
    public long score(String caseId, String activityId, String bidId) {
        List<SortedMap<String, Long>> evaluations = evaluationsOf(caseId, activityId);
        if (evaluations.isEmpty() || evaluations.stream().anyMatch(scores -> !scores.containsKey(bidId))) {
            throw new IllegalStateException("TENDER-103 bid " + bidId + " of case " + caseId + " is not scored in every "
                    + "signed evaluation of " + activityId);
        }
        long sum = evaluations.stream().mapToLong(scores -> scores.get(bidId)).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(evaluations.size()), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** How many signed evaluations at {@code activityId} the case has recorded. */
    public long evaluations(String caseId, String activityId) {
        return evaluationsOf(caseId, activityId).size();
    }

    /**
     * The scores a decision on the task must carry, checked: none for a task that scores nothing;
     * for a member's evaluation, exactly one score from 0 to {@value #MAX_SCORE} per bid the tender opened.
     */
    SortedMap<String, Long> required(Task task, Map<String, Long> given, String caseId) {
        SortedMap<String, Long> scores = new TreeMap<>(given);
        if (!definitions.taskProperty(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), SCORES).contains(REVEALED_BIDS)) {
            if (!scores.isEmpty()) {
                throw refused("task " + task.getId() + " (" + task.getTaskDefinitionKey() + ") takes no scores");
            }
            return scores;
        }
        TreeSet<String> opened = new TreeSet<>(tenders.revealedBids(caseId));
        if (!opened.equals(scores.keySet())) {
            throw refused("an evaluation scores exactly the bids the tender opened, " + opened + "; given " + scores.keySet());
        }
        scores.forEach((bid, score) -> {
            if (score < 0 || score > MAX_SCORE) {
                throw refused("the score of bid " + bid + " must be 0 to " + MAX_SCORE + ", was " + score);
            }
        });
        return scores;
    }

    /**
     * The recorded evaluations of the case's latest round at {@code activityId}: a new round replaces
     * the members of the last one, whose conclusions no longer count (招标投标法实施条例 第四十八条第三款).
     */
    private List<SortedMap<String, Long>> evaluationsOf(String caseId, String activityId) {
        Set<String> seats = latestRound(caseId, activityId);
        return record.decisions(caseId).stream()
                .filter(kept -> kept.recorded() && seats.contains(kept.taskId()))
                .map(KeptDecision::payload)
                .map(payload -> DecisionPayload.parse(payload.getBytes(StandardCharsets.UTF_8)).scores())
                .filter(scores -> !scores.isEmpty())
                .toList();
    }

    private Set<String> latestRound(String caseId, String activityId) {
        HistoricProcessInstance kase = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .singleResult();
        if (kase == null) {
            return Set.of();
        }
        return history.createHistoricActivityInstanceQuery().processInstanceId(kase.getId())
                .activityId(activityId + CommitteeRounds.MULTI_INSTANCE_BODY).orderByHistoricActivityInstanceStartTime().desc().list().stream()
                .findFirst()
                .map(round -> history.createHistoricActivityInstanceQuery().processInstanceId(kase.getId())
                        .activityId(activityId).list().stream()
                        .filter(seat -> round.getId().equals(seat.getParentActivityInstanceId()))
                        .map(HistoricActivityInstance::getTaskId).filter(Objects::nonNull)
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    private static CaseException refused(String message) {
        return new CaseException(CaseException.Kind.INVALID, "DECISION-009 scores refused: " + message);
    }
}
