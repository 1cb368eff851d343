package org.approvalchain.engine.legal;

import java.util.List;
import java.util.Map;

/** A small process as the legal package sees it: an automatic contract step, then a manual decision. */
final class SmallModels {

    static final String CODE_HASH = "0x" + "ab".repeat(32);

    private SmallModels() {
    }

    static ProcessModel licence(String reviewName, String legalBasis) {
        TaskElement check = new TaskElement("Activity_Check", "核验 Check", "serviceTask",
                Map.of("mode", "automatic", "legalBasis", "《行政许可法》第三十四条", "legalBasisUrl", "https://flk.npc.gov.cn",
                        "discretion", "false", "contract", "EligibilityRule", "function", "evaluate"),
                List.of(), List.of(), List.of(), null);
        TaskElement review = new TaskElement("Activity_Review", reviewName, "userTask",
                Map.of("mode", "manual", "legalBasis", legalBasis, "discretion", "true"),
                List.of("wang.fang"), List.of("licensing-officers"), List.of("Activity_Check"), null);
        return new ProcessModel("licence", "许可 Licence", List.of(check, review), List.of("Activity_Check", "Activity_Review"));
    }

    static AutomationMap map(String reviewName, String legalBasis) {
        return AutomationMap.of(licence(reviewName, legalBasis), 2, name -> "EligibilityRule".equals(name) ? CODE_HASH : null);
    }

    static AnchoredMap served(AutomationMap map) {
        String mapHash = "0x" + "01".repeat(32);
        String bpmnHash = "0x" + "02".repeat(32);
        return AnchoredMap.of(map, List.of("Activity_Check", "Activity_Review"), Map.of(), mapHash, bpmnHash, new AnchoredMap.Anchor("0x" + "03".repeat(32), 7, bpmnHash, mapHash));
    }
}
