package org.approvalchain.engine.legal.camunda;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.approvalchain.engine.chain.DepartmentProperties;
import org.approvalchain.engine.legal.DepartmentCatalogue;

/** The departments configured for the chain, as the legal gate and the automation maps know them. */
final class LegalDepartments {

    private LegalDepartments() {
    }

    static DepartmentCatalogue of(DepartmentProperties properties) {
        Map<String, DepartmentCatalogue.Known> known = new LinkedHashMap<>();
        properties.accounts().forEach((id, entry) -> {
            Set<String> writes = Stream.concat(DepartmentProperties.CASE_RECORDS.stream(), entry.writes().stream())
                    .collect(Collectors.toSet());
            known.put(id, new DepartmentCatalogue.Known(entry.name(), entry.nameEn(), writes));
        });
        return new DepartmentCatalogue(known);
    }
}
