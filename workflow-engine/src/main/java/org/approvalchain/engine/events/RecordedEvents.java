package org.approvalchain.engine.events;

import java.util.LinkedHashMap;
import java.util.Map;

import org.approvalchain.engine.record.CaseStep;
import org.approvalchain.engine.record.DecisionRecorded;
import org.approvalchain.engine.record.KeptDecision;
import org.approvalchain.engine.record.StepRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The case record's side of the case events: a step recorded on chain and a decision recorded on
 * chain, each with its chain evidence, published in the transaction that recorded them (the record
 * publishes its events synchronously, in the writing transaction).
 */
@Component
class RecordedEvents {

    private final CaseEvents events;

    RecordedEvents(CaseEvents events) {
        this.events = events;
    }

    @EventListener
    void stepRecorded(StepRecorded recorded) {
        CaseStep s = recorded.step();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("stepKey", s.stepKey());
        data.put("activityId", s.activityId());
        data.put("activityName", s.activityName());
        data.put("visit", s.visit());
        data.put("kind", s.kind());
        data.put("contract", s.contract());
        data.put("function", s.function());
        data.put("inputsHash", s.inputsHash());
        data.put("resultHash", s.resultHash());
        data.put("actor", s.actor());
        if (s.callTxHash() != null) {
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("txHash", s.callTxHash());
            call.put("block", s.callBlock());
            call.put("status", s.callStatus());
            call.put("revertReason", s.revertReason());
            data.put("call", call);
        }
        events.publish(CaseEventType.STEP_RECORDED, s.caseId(), data, new ChainEvidence(s.stepTxHash(), s.stepBlock()));
    }

    @EventListener
    void decisionRecorded(DecisionRecorded recorded) {
        KeptDecision d = recorded.decision();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", d.taskId());
        data.put("activityId", d.activityId());
        data.put("approverId", d.approverId());
        data.put("decision", d.decision());
        data.put("reasons", d.reasons());
        data.put("payloadSm3", d.payloadSm3());
        data.put("approverPublicKey", d.publicKeyHex());
        events.publish(CaseEventType.DECISION_RECORDED, d.caseId(), data,
                new ChainEvidence(d.decisionTxHash(), d.decisionBlock()));
    }
}
