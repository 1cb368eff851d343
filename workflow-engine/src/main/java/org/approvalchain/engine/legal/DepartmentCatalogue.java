package org.approvalchain.engine.legal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The departments a model may make responsible for its steps (as configured for the chain), and
 * the check of one step: the department it names exists (LEGAL-014) and may write the contract the
 * step is bound to (LEGAL-015), so that its account can sign the step.
 */
public final class DepartmentCatalogue {

    private final Map<String, Known> departments;

    /** @param departments the departments by id */
    public DepartmentCatalogue(Map<String, Known> departments) {
        this.departments = Map.copyOf(departments);
    }

    /**
     * A department on the chain: its names, and every contract its account may write (the case
     * records included).
     */
    public record Known(String name, String nameEn, Set<String> writes) {

        public Known {
            writes = Set.copyOf(writes);
        }
    }

    /** The department responsible for each step of the process that names one, by step id. */
    public Map<String, AnchoredMap.Responsible> responsibleFor(ProcessModel process) {
        Map<String, AnchoredMap.Responsible> responsible = new LinkedHashMap<>();
        process.tasks().stream().filter(t -> t.department() != null).forEach(t -> {
            Known known = departments.get(t.department());
            responsible.put(t.id(), new AnchoredMap.Responsible(t.department(), known == null ? null : known.name(),
                    known == null ? null : known.nameEn()));
        });
        return responsible;
    }

    /** The problems with the step's department; none when it names none. */
    List<LegalGate.Problem> problemsOf(TaskElement task) {
        List<LegalGate.Problem> problems = new ArrayList<>();
        String department = task.department();
        if (department == null) {
            return problems;
        }
        Known known = departments.get(department);
        String contract = task.property("contract");
        if (known == null) {
            problems.add(new LegalGate.Problem("LEGAL-014", "department '" + department
                    + "' is not one of the departments on the chain: " + String.join(", ", departments.keySet().stream().sorted().toList())));
        } else if (contract != null && !known.writes().contains(contract)) {
            problems.add(new LegalGate.Problem("LEGAL-015", "department '" + department + "' may not write " + contract
                    + ": it writes " + String.join(", ", known.writes().stream().sorted().toList())
                    + "; name the department the law makes responsible for this step"));
        }
        return problems;
    }
}
