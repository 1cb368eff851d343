package org.approvalchain.engine.legal.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.approvalchain.engine.legal.Finding;
import org.approvalchain.engine.legal.Prefill;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** A licence prefill works only as {@code <licence type>:<field>} on a field of the application form. */
class PrefillDeclarationsTest {

    @Test
    void acceptsALicenceTypeAndFieldOnTheApplicationForm() {
        assertThat(PrefillDeclarations.findings(model("startEvent", "营业执照:enterpriseName"))).isEmpty();
        assertThat(Prefill.parse("营业执照:enterpriseName")).contains(new Prefill("营业执照", "enterpriseName"));
        assertThat(new Prefill("营业执照", "enterpriseName").matches("营业执照 business licence")).isTrue();
        assertThat(new Prefill("营业执照", "enterpriseName").matches("营业执照副本")).isFalse();
    }

    @Test
    void refusesAMalformedPrefillOrOneOutsideTheApplicationFormSayingWhich() {
        for (String malformed : new String[] {"营业执照", ":enterpriseName", "营业执照:", "营业执照:enterprise name", " "}) {
            assertThat(PrefillDeclarations.findings(model("startEvent", malformed))).as(malformed)
                    .extracting(Finding::rule, Finding::elementId, Finding::message).singleElement().asString()
                    .contains("LEGAL-016", "StartEvent_Form", "is not <licence type>:<field>");
        }
        assertThat(PrefillDeclarations.findings(model("userTask", "营业执照:enterpriseName"))).extracting(Finding::message)
                .singleElement().asString().contains("only the application form");
    }

    /** A process whose element {@code type} has a form field with the prefill {@code declaration}. */
    private static BpmnModelInstance model(String type, String declaration) {
        String xml = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             targetNamespace="t">
                  <process id="p" isExecutable="true">
                    <%s id="StartEvent_Form">
                      <extensionElements><camunda:formData>
                        <camunda:formField id="enterpriseName" type="string">
                          <camunda:properties><camunda:property name="prefill" value="%s" /></camunda:properties>
                        </camunda:formField>
                      </camunda:formData></extensionElements>
                    </%s>
                  </process>
                </definitions>""".formatted(type, declaration, type);
        return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
