package org.approvalchain.engine.legal;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The automation map as CSV (RFC 4180): a header row, one row per step, UTF-8 with a byte order
 * mark so that Excel shows the Chinese names and citations. Every field is quoted. Steps in process
 * order; a step without a name is named by its id.
 */
public final class AutomationMapCsv {

    private static final String BOM = "\uFEFF";
    private static final List<String> HEADER = List.of("step_id", "step_name", "type", "mode", "legal_basis",
            "legal_basis_url", "discretion", "contract", "function", "code_sm3", "candidate_groups", "candidate_users", "department");

    private AutomationMapCsv() {
    }

    public static byte[] render(AnchoredMap served) {
        StringBuilder out = new StringBuilder(BOM);
        row(out, HEADER);
        for (AutomationMap.MappedStep s : served.stepsInOrder()) {
            row(out, List.of(s.id(), s.label(), s.type(), s.mode() == null ? "" : s.mode().toString(), text(s.legalBasis()),
                    text(s.legalBasisUrl()), String.valueOf(s.discretion()), text(s.contract()), text(s.function()),
                    text(s.codeHash()), String.join(" ", s.candidateGroups()), String.join(" ", s.candidateUsers()),
                    served.departments().containsKey(s.id()) ? served.departments().get(s.id()).id() : ""));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder out, List<String> fields) {
        String separator = "";
        for (String field : fields) {
            out.append(separator).append('"').append(field.replace("\"", "\"\"")).append('"');
            separator = ",";
        }
        out.append("\r\n");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
