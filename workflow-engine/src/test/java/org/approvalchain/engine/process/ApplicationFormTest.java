package org.approvalchain.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** An application is checked against the fields its process declares, and every problem is named. */
class ApplicationFormTest {

    private static final ApplicationForm FORM = ApplicationForm.of(model(), "p");

    @Test
    void typesADeclaredApplication() {
        assertThat(FORM.variables(Map.of("age", 30, "licenceType", "食品经营许可证", "urgent", "true", "channel", "online")))
                .containsExactly(Map.entry("age", 30L), Map.entry("licenceType", "食品经营许可证"), Map.entry("urgent", true),
                        Map.entry("channel", "online"));
        assertThat(FORM.variables(Map.of("age", "30", "licenceType", "x"))).containsEntry("age", 30L);
    }

    @Test
    void namesEveryMissingUnknownInvalidAndEnginesField() {
        assertThatThrownBy(() -> FORM.variables(Map.of("age", 17.5, "channel", "fax", "decision", "APPROVE", "nickname", "x")))
                .isInstanceOfSatisfying(CaseException.class, e -> assertThat(e.kind()).isEqualTo(CaseException.Kind.INVALID))
                .hasMessageContaining("application field 'licenceType' is required")
                .hasMessageContaining("application field 'age': 17.5 is not a whole number")
                .hasMessageContaining("application field 'channel': fax is not one of [online, counter]")
                .hasMessageContaining("application field 'decision' is kept by the engine")
                .hasMessageContaining("application field 'nickname' is not one of this process's fields")
                .hasMessageContaining("its fields: [age long, required, licenceType string, required, urgent boolean, channel enum]");
        assertThatThrownBy(() -> FORM.variables(Map.of())).hasMessageContaining("'age' is required")
                .hasMessageContaining("'licenceType' is required");
    }

    @Test
    void refusesWholeNumbersOutsideTheirBoundsOrOf64BitsAndTextTooLongToKeep() {
        assertThat(FORM.variables(Map.of("age", 0, "licenceType", "x"))).containsEntry("age", 0L);
        assertThat(FORM.variables(Map.of("age", 150.0, "licenceType", "x".repeat(4000)))).containsEntry("age", 150L);
        assertThatThrownBy(() -> FORM.variables(Map.of("age", -1, "licenceType", "x")))
                .hasMessageContaining("application field 'age': -1 is less than 0");
        assertThatThrownBy(() -> FORM.variables(Map.of("age", 151, "licenceType", "x")))
                .hasMessageContaining("application field 'age': 151 is more than 150");
        assertThatThrownBy(() -> FORM.variables(Map.of("age", new BigInteger("9223372036854775808"), "licenceType", "x")))
                .hasMessageContaining("'age': 9223372036854775808 is not a whole number");
        assertThatThrownBy(() -> FORM.variables(Map.of("age", 1e308, "licenceType", "x".repeat(4001))))
                .hasMessageContaining("'age': 1.0E308 is not a whole number")
                .hasMessageContaining("'licenceType': at most 4000 characters, is 4001");
        ApplicationForm undeclared = ApplicationForm.of(Bpmn.createExecutableProcess("q").startEvent().endEvent().done(), "q");
        assertThatThrownBy(() -> undeclared.variables(Map.of("n", new BigInteger("9223372036854775808"))))
                .hasMessageContaining("'n': 9223372036854775808 is not a whole number of 64 bits");
        assertThatThrownBy(() -> undeclared.variables(Map.of("note", "x".repeat(4001)))).hasMessageContaining("at most 4000");
    }

    @Test
    void checksCorrectionsFieldByFieldWithoutRequiringTheRest() {
        assertThat(FORM.corrections(Map.of("age", 31))).containsExactly(Map.entry("age", 31L));
        assertThatThrownBy(() -> FORM.corrections(Map.of("licenceType", " "))).hasMessageContaining("'licenceType' is required");
        assertThatThrownBy(() -> FORM.corrections(Map.of("initiator", "x"))).hasMessageContaining("kept by the engine");
    }

    @Test
    void aFieldIsPersonalDataWhenItsPropertyPersonalIsTrue() {
        assertThat(FORM.personalFields()).containsExactly("age");
        assertThat(ApplicationForm.of(Bpmn.createExecutableProcess("q").startEvent().endEvent().done(), "q").personalFields())
                .isEmpty();
    }

    @Test
    void aProcessWithoutDeclaredFieldsTakesFlatFieldsButNotTheEngines() {
        ApplicationForm undeclared = ApplicationForm.of(Bpmn.createExecutableProcess("q").startEvent().endEvent().done(), "q");

        assertThat(undeclared.variables(Map.of("anything", 1))).containsEntry("anything", 1L);
        assertThatThrownBy(() -> undeclared.variables(Map.of("address", Map.of("city", "北京"))))
                .hasMessageContaining("application field 'address' must be text, a number or true/false");
        assertThatThrownBy(() -> undeclared.variables(Map.of("applicantHash", "0x00", "ac_visits_A", 9)))
                .hasMessageContaining("'applicantHash' is kept by the engine").hasMessageContaining("'ac_visits_A' is kept");
    }

    private static BpmnModelInstance model() {
        String xml = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             targetNamespace="test">
                  <process id="p" isExecutable="true">
                    <startEvent id="Start"><extensionElements><camunda:formData>
                      <camunda:formField id="age" type="long">
                        <camunda:properties><camunda:property id="personal" value="true" /></camunda:properties>
                        <camunda:validation><camunda:constraint name="required" /><camunda:constraint name="min" config="0" />
                          <camunda:constraint name="max" config="150" /></camunda:validation></camunda:formField>
                      <camunda:formField id="licenceType" type="string">
                        <camunda:validation><camunda:constraint name="required" /></camunda:validation></camunda:formField>
                      <camunda:formField id="urgent" type="boolean">
                        <camunda:properties><camunda:property id="personal" value="false" /></camunda:properties></camunda:formField>
                      <camunda:formField id="channel" type="enum">
                        <camunda:value id="online" name="网上" /><camunda:value id="counter" name="窗口" /></camunda:formField>
                    </camunda:formData></extensionElements></startEvent>
                  </process>
                </definitions>
                """;
        return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
