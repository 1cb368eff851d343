package org.approvalchain.engine.legal.camunda;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.modulith.NamedInterface;

/**
 * The department a model makes responsible for one of its elements (docs/departments.md): the
 * element's extension property {@value #NAME}, or else that of the nearest enclosing sub-process or
 * of the process. Its account signs the element's chain writes.
 */
@NamedInterface("camunda")
public final class DepartmentProperty {

    public static final String NAME = "department";

    private DepartmentProperty() {
    }

    /** The responsible department's id, null when neither the element nor what encloses it names one. */
    public static String of(ModelElementInstance element) {
        for (ModelElementInstance scope = element; scope != null; scope = scope.getParentElement()) {
            if (scope instanceof BaseElement base) {
                String department = ExtensionProperties.of(base).get(NAME);
                if (department != null && !department.isBlank()) {
                    return department.strip();
                }
            }
        }
        return null;
    }
}
