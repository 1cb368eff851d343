package org.approvalchain.engine.legal.camunda;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.approvalchain.engine.legal.Finding;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Finds a four-eyes rule that would not hold (LEGAL-013): the property {@code separateFrom} of a
 * decision (its signer may not be who signed the named steps in the same case, docs/engine.md) must
 * be on a user task and name, comma-separated, user tasks of the same process. A misspelt id would
 * otherwise switch the rule off without a word.
 */
final class SeparateFrom {

    private SeparateFrom() {
    }

    static List<Finding> findings(BpmnModelInstance model) {
        List<Finding> findings = new ArrayList<>();
        for (Activity activity : model.getModelElementsByType(Activity.class)) {
            String names = ExtensionProperties.of(activity).get("separateFrom");
            if (names == null) {
                continue;
            }
            Process process = processOf(activity);
            List<String> faults = new ArrayList<>();
            if (!(activity instanceof UserTask)) {
                faults.add("only a signed decision (a user task) can be kept from the signers of other steps");
            }
            for (String id : Arrays.stream(names.split(",")).map(String::strip).toList()) {
                ModelElementInstance named = id.isEmpty() ? null : model.getModelElementById(id);
                if (!(named instanceof UserTask task) || processOf(task) != process || task == activity) {
                    faults.add("separateFrom names '" + id + "', which is no other user task of this process");
                }
            }
            faults.forEach(fault -> findings.add(new Finding(process == null ? "-" : process.getId(),
                    process == null ? "-" : process.getName(), activity.getId(), activity.getName(), "LEGAL-013", fault)));
        }
        return findings;
    }

    private static Process processOf(ModelElementInstance element) {
        for (ModelElementInstance parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent instanceof Process process) {
                return process;
            }
        }
        return null;
    }
}
