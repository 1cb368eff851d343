package org.approvalchain.engine.process;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Finding cases: by case id, process, whether still open, and the day they started; only the cases
 * the user may read ({@link CaseAccess}), newest first, at most {@value #LIMIT}: a narrower search
 * finds older ones.
 */
@Service
public class CaseSearch {

    /** The most cases one search answers. */
    public static final int LIMIT = 50;
    /** How many of the newest matching cases are checked for the user's access. */
    private static final int SCANNED = 500;

    private final HistoryService history;
    private final CaseAccess access;
    private final DeployedDefinitions definitions;
    private final CaseReads reads;
    private final ZoneId zone;

    CaseSearch(HistoryService history, CaseAccess access, DeployedDefinitions definitions, CaseReads reads,
               @Value("${approvalchain.calendar.zone}") ZoneId zone) {
        this.history = history;
        this.access = access;
        this.definitions = definitions;
        this.reads = reads;
        this.zone = zone;
    }

    /** Whether a case is still running ({@code OPEN}) or has ended ({@code ENDED}). */
    public enum Standing { OPEN, ENDED }

    private static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    /**
     * What to look for; every part may be null (any).
     *
     * @param startedFrom the first day (in the engine's time zone) a case may have started on
     * @param startedTo the last such day
     */
    public record Criteria(String caseId, String processKey, Standing standing, LocalDate startedFrom, LocalDate startedTo) {
    }

    /**
     * A case in a list of cases.
     *
     * @param endEvent the end event an ended case reached (its id), with its name in the model
     * @param onBehalfOf the applicant for whom the user acts in the case as their authorised agent; null otherwise
     * @param awaiting the messages a running case waits for, e.g. {@link CaseMessages#CORRECTIONS_SUBMITTED}
     *                 (its applicant's corrections); none for an ended case
     */
    public record CaseSummary(String caseId, String processKey, String processName, int processVersion,
                              Standing standing, String endEvent, String endEventName, Instant startedAt, Instant endedAt,
                              String onBehalfOf, List<String> awaiting) {
    }

    /**
     * The cases that meet the criteria and that {@code userId} may read.
     *
     * @throws CaseException INVALID when the last day comes before the first
     */
    public List<CaseSummary> find(Criteria criteria, String userId) {
        requireDay("startedFrom", criteria.startedFrom());
        requireDay("startedTo", criteria.startedTo());
        if (criteria.startedFrom() != null && criteria.startedTo() != null && criteria.startedTo().isBefore(criteria.startedFrom())) {
            throw new CaseException(CaseException.Kind.INVALID, "startedTo " + criteria.startedTo()
                    + " is before startedFrom " + criteria.startedFrom());
        }
        HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery();
        if (criteria.caseId() != null) {
            query.processInstanceBusinessKey(criteria.caseId());
        }
        if (criteria.processKey() != null) {
            query.processDefinitionKey(criteria.processKey());
        }
        if (criteria.standing() == Standing.OPEN) {
            query.unfinished();
        } else if (criteria.standing() == Standing.ENDED) {
            query.finished();
        }
        if (criteria.startedFrom() != null) {
            query.startedAfter(Date.from(criteria.startedFrom().atStartOfDay(zone).toInstant().minusMillis(1)));
        }
        if (criteria.startedTo() != null) {
            query.startedBefore(Date.from(criteria.startedTo().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        List<HistoricProcessInstance> newest = query.orderByProcessInstanceStartTime().desc().listPage(0, SCANNED);
        return access.readableAmong(newest, userId).stream().limit(LIMIT).map(instance -> summary(instance, userId)).toList();
    }

    private CaseSummary summary(HistoricProcessInstance instance, String userId) {
        return new CaseSummary(instance.getBusinessKey(), instance.getProcessDefinitionKey(),
                definitions.definition(instance.getProcessDefinitionId()).getName(), instance.getProcessDefinitionVersion(),
                instance.getEndTime() == null ? Standing.OPEN : Standing.ENDED, instance.getEndActivityId(),
                instance.getEndActivityId() == null ? null
                        : definitions.elementName(instance.getProcessDefinitionId(), instance.getEndActivityId()),
                instance.getStartTime().toInstant(), instance.getEndTime() == null ? null : instance.getEndTime().toInstant(),
                access.principalActedFor(instance, userId).orElse(null),
                instance.getEndTime() == null ? reads.awaitedMessages(instance.getId()) : List.of());
    }

    /** A day a case can have started on: what a date can be turned into a time of. */
    private static void requireDay(String name, LocalDate day) {
        if (day != null && (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY))) {
            throw new CaseException(CaseException.Kind.INVALID, name + " " + day + " is not a day from " + FIRST_DAY
                    + " to " + LAST_DAY);
        }
    }
}
