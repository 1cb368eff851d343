package org.approvalchain.engine.legal.camunda;

import java.util.ArrayList;
import java.util.List;

import org.approvalchain.engine.legal.Finding;
import org.approvalchain.engine.legal.Prefill;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Finds a licence prefill that cannot work (LEGAL-016): the form field property {@value
 * Prefill#PROPERTY} ({@link Prefill}) must read {@code <licence type>:<field>} and sit on a field of
 * the application form, the form of a process's none start event. A malformed one would otherwise
 * leave the field empty without a word, or fill a form the applicant never sends.
 */
final class PrefillDeclarations {

    private PrefillDeclarations() {
    }

    static List<Finding> findings(BpmnModelInstance model) {
        List<Finding> findings = new ArrayList<>();
        for (CamundaFormField field : model.getModelElementsByType(CamundaFormField.class)) {
            List<String> declared = field.getCamundaProperties() == null ? List.of() : field.getCamundaProperties()
                    .getCamundaProperties().stream().filter(p -> Prefill.PROPERTY.equals(p.getCamundaName())
                            || Prefill.PROPERTY.equals(p.getCamundaId())).map(CamundaProperty::getCamundaValue).toList();
            if (declared.isEmpty()) {
                continue;
            }
            FlowElement owner = ancestor(field, FlowElement.class);
            Process process = ancestor(field, Process.class);
            List<String> faults = new ArrayList<>();
            if (!(owner instanceof StartEvent start) || !start.getEventDefinitions().isEmpty()
                    || !(start.getParentElement() instanceof Process)) {
                faults.add("field '" + field.getCamundaId() + "' declares a prefill, but only the application form (the "
                        + "form of the process's none start event) is filled from the applicant's licences");
            }
            declared.stream().filter(value -> Prefill.parse(value).isEmpty()).forEach(value -> faults.add("field '"
                    + field.getCamundaId() + "': prefill '" + value + "' is not <licence type>:<field>, e.g. "
                    + "营业执照:enterpriseName"));
            faults.forEach(fault -> findings.add(new Finding(process == null ? "-" : process.getId(),
                    process == null ? "-" : process.getName(), owner == null ? "-" : owner.getId(),
                    owner == null ? "-" : owner.getName(), "LEGAL-016", fault)));
        }
        return findings;
    }

    private static <T> T ancestor(ModelElementInstance element, Class<T> type) {
        for (ModelElementInstance parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (type.isInstance(parent)) {
                return type.cast(parent);
            }
        }
        return null;
    }
}
