package org.approvalchain.engine.legal.camunda;

import java.util.List;
import java.util.stream.Stream;

import org.approvalchain.engine.chain.Contracts;
import org.approvalchain.engine.chain.DepartmentProperties;
import org.approvalchain.engine.ledger.LedgerProperties;
import org.approvalchain.engine.legal.ContractCatalogue;
import org.approvalchain.engine.legal.Finding;
import org.approvalchain.engine.legal.LegalGate;
import org.approvalchain.engine.legal.ModelValidator;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Checks BPMN models, read with Camunda's model API, against the legal gate, with the engine's
 * contracts as their ABIs declare them (no chain needed) and the configured departments. The deployment gate refuses a deployment
 * with findings; {@code POST /api/models/validate} returns them without deploying.
 */
@Component
class BpmnModelValidator implements ModelValidator {

    private final LegalGate gate;

    @Autowired
    BpmnModelValidator(LedgerProperties properties, DepartmentProperties departments) {
        this(new LegalGate(new ContractCatalogue(Contracts.interfaces(properties.crypto())), LegalDepartments.of(departments)));
    }

    BpmnModelValidator(LegalGate gate) {
        this.gate = gate;
    }

    @Override
    public List<Finding> validate(byte[] bpmnXml) {
        return findings(BpmnXml.parse(bpmnXml));
    }

    @Override
    public boolean hasExecutableProcess(byte[] bpmnXml) {
        return BpmnXml.parse(bpmnXml).getModelElementsByType(Process.class).stream().anyMatch(Process::isExecutable);
    }

    /**
     * The legal gate's findings on each process, then the code the model carries (expressions,
     * scripts, classes), the timer durations the engine cannot count, four-eyes rules that would not hold,
     * and licence prefills that cannot work.
     */
    List<Finding> findings(BpmnModelInstance model) {
        return Stream.of(LegalModels.of(model).stream().flatMap(process -> gate.check(process).stream()),
                ModelCode.findings(model).stream(), TimeLimitText.findings(model).stream(),
                SeparateFrom.findings(model).stream(), PrefillDeclarations.findings(model).stream()).flatMap(s -> s).toList();
    }
}
