package org.approvalchain.engine.legal.camunda;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.modulith.NamedInterface;

/**
 * The annotations of a BPMN element as Camunda holds them: its {@code camunda:property} extension
 * properties by name (mode, legal basis, discretion, and a contract step's binding). Read here for
 * the gate and the automation map, and by the process for a step's binding.
 */
@NamedInterface("camunda")
public final class ExtensionProperties {

    private ExtensionProperties() {
    }

    /**
     * The element's properties in document order; empty for none or a null element. A property
     * without a value (a modeler's field left empty) reads as blank, one without a name not at all.
     */
    public static Map<String, String> of(BaseElement element) {
        Map<String, String> result = new LinkedHashMap<>();
        ExtensionElements extensions = element == null ? null : element.getExtensionElements();
        if (extensions == null) {
            return result;
        }
        for (CamundaProperties group : extensions.getChildElementsByType(CamundaProperties.class)) {
            for (CamundaProperty property : group.getCamundaProperties()) {
                if (property.getCamundaName() != null) {
                    result.put(property.getCamundaName(), property.getCamundaValue() == null ? "" : property.getCamundaValue());
                }
            }
        }
        return result;
    }
}
