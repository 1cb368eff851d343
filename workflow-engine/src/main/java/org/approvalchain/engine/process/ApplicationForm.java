package org.approvalchain.engine.process;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.approvalchain.engine.legal.Prefill;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConstraint;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;

/**
 * The application a process takes, as its start event declares it in Camunda form fields ({@code
 * camunda:formData}): each field's name, type ({@code string}, {@code long}, {@code boolean} or
 * {@code enum} with its values), whether it is required and, for a whole number, its {@code min} and
 * {@code max} constraints. Text is at most {@value #MAX_TEXT} characters (what a case variable holds).
 * An application is checked against it
 * before a case starts, so a case that starts has every field its expressions need; the answer
 * names every missing, unknown or invalid field. A process that declares no fields takes any flat
 * fields. No process may be given a field the engine keeps for itself. A field whose {@code
 * camunda:property} {@code personal} is {@code true} is the applicant's personal data: shown only
 * to those who handle the case, and every read of it recorded (see {@link PersonalData}). A field
 * whose property {@code prefill} declares a licence type and field ({@link Prefill}) may be filled
 * from the applicant's valid licences ({@link LicenceReuse}).
 */
record ApplicationForm(String processKey, Optional<List<Field>> fields) {

    /** The form field property that declares a field personal data. */
    private static final String PERSONAL = "personal";
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");

    /** The most characters a text field holds: Camunda keeps a text variable in a column of 4,000. */
    static final int MAX_TEXT = 4000;

    /**
     * One declared field; {@code values} are the allowed values of an {@code enum}.
     *
     * @param prefill the licence type and field it may be filled from; null when it declares none
     * @param min the least whole number it takes (constraint {@code min}); null when it declares none
     * @param max the greatest whole number it takes (constraint {@code max}); null when it declares none
     */
    record Field(String name, String label, String type, boolean required, List<String> values, boolean personal,
                 Prefill prefill, Long min, Long max) {
    }

    /** The form of {@code processKey}'s none start event in the model; no fields when it declares none. */
    static ApplicationForm of(BpmnModelInstance model, String processKey) {
        Process process = model.getModelElementById(processKey);
        return new ApplicationForm(processKey, process == null ? Optional.empty() : process.getChildElementsByType(StartEvent.class)
                .stream().filter(start -> start.getEventDefinitions().isEmpty()).findFirst()
                .map(StartEvent::getExtensionElements).flatMap(ApplicationForm::formData)
                .map(form -> form.getCamundaFormFields().stream().map(ApplicationForm::field).toList()));
    }

    /** The declared fields that may be filled from a licence. */
    List<Field> prefillable() {
        return fields.orElse(List.of()).stream().filter(f -> f.prefill() != null).toList();
    }

    /** The names of the declared fields; none when the process declares none. */
    List<String> declared() {
        return fields.orElse(List.of()).stream().map(Field::name).toList();
    }

    /** The declared fields that hold the applicant's personal data. */
    List<String> personalFields() {
        return fields.orElse(List.of()).stream().filter(Field::personal).map(Field::name).toList();
    }

    /**
     * A whole application's fields as case variables, typed as declared.
     *
     * @throws CaseException naming every missing, unknown or invalid field
     */
    Map<String, Object> variables(Map<String, Object> application) {
        return check(application, true);
    }

    /**
     * Corrected fields (补正) as case variables: as {@link #variables}, but only the fields given.
     *
     * @throws CaseException naming every unknown or invalid field
     */
    Map<String, Object> corrections(Map<String, Object> corrected) {
        return check(corrected, false);
    }

    private Map<String, Object> check(Map<String, Object> application, boolean complete) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> variables = new LinkedHashMap<>();
        application.keySet().stream().filter(CaseContext::isEngines)
                .forEach(name -> problems.add("application field '" + name + "' is kept by the engine and cannot be given"));
        if (fields.isEmpty()) {
            application.forEach((name, value) -> flat(name, value, problems).ifPresent(v -> variables.put(name, v)));
        } else {
            application.keySet().stream().filter(name -> !CaseContext.isEngines(name)
                            && fields.get().stream().noneMatch(f -> f.name().equals(name)))
                    .forEach(name -> problems.add("application field '" + name + "' is not one of this process's fields"));
            for (Field field : fields.get()) {
                Object value = application.get(field.name());
                if (value != null && !(value instanceof String s && s.isBlank())) {
                    typed(field, value, problems).ifPresent(v -> variables.put(field.name(), v));
                } else if (field.required() && (complete || application.containsKey(field.name()))) {
                    problems.add("application field '" + field.name() + "' is required");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new CaseException(CaseException.Kind.INVALID, "the application for '" + processKey + "' is refused: "
                    + String.join("; ", problems) + fieldList());
        }
        return variables;
    }

    private String fieldList() {
        return fields.map(list -> " (its fields: " + list.stream().map(f -> f.name() + " " + f.type()
                + (f.required() ? ", required" : "")).toList() + ")").orElse("");
    }

    private static Optional<Object> typed(Field field, Object value, List<String> problems) {
        Optional<Object> typed = switch (field.type()) {
            case "long" -> value instanceof Number n ? wholeNumber(n).map(v -> (Object) v)
                    : value instanceof String s && WHOLE_NUMBER.matcher(s.trim()).matches() ? Optional.of(Long.parseLong(s.trim()))
                    : Optional.empty();
            case "boolean" -> value instanceof Boolean b ? Optional.of(b)
                    : "true".equals(value) || "false".equals(value) ? Optional.of(Boolean.parseBoolean((String) value)) : Optional.empty();
            case "enum" -> field.values().contains(String.valueOf(value)) ? Optional.of(String.valueOf(value)) : Optional.empty();
            default -> value instanceof String || value instanceof Number ? Optional.of(String.valueOf(value)) : Optional.empty();
        };
        if (typed.isEmpty()) {
            problems.add("application field '" + field.name() + "': " + abbreviated(value) + " is not " + switch (field.type()) {
                case "long" -> "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
                case "boolean" -> "true or false";
                case "enum" -> "one of " + field.values();
                default -> "text";
            });
            return typed;
        }
        if (typed.get() instanceof Long number && field.min() != null && number < field.min()) {
            problems.add("application field '" + field.name() + "': " + number + " is less than " + field.min());
            return Optional.empty();
        }
        if (typed.get() instanceof Long number && field.max() != null && number > field.max()) {
            problems.add("application field '" + field.name() + "': " + number + " is more than " + field.max());
            return Optional.empty();
        }
        return text(field.name(), typed.get(), problems);
    }

    /** The number as a whole number of 64 bits, if it is one (not {@code 1.5}, not {@code 1e400}). */
    private static Optional<Long> wholeNumber(Number n) {
        try {
            return Optional.of(new BigDecimal(n.toString()).longValueExact());
        } catch (ArithmeticException | NumberFormatException notWhole) {
            return Optional.empty();
        }
    }

    /** Text of at most {@value #MAX_TEXT} characters; anything else as it is. */
    private static Optional<Object> text(String name, Object value, List<String> problems) {
        if (value instanceof String s && s.length() > MAX_TEXT) {
            problems.add("application field '" + name + "': at most " + MAX_TEXT + " characters, is " + s.length());
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static String abbreviated(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 100 ? text : text.substring(0, 100) + "… (" + text.length() + " characters)";
    }

    private static Optional<Object> flat(String name, Object value, List<String> problems) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number n && !(value instanceof Double || value instanceof Float || value instanceof BigDecimal)) {
            Optional<Long> whole = wholeNumber(n);
            if (whole.isEmpty()) {
                problems.add("application field '" + name + "': " + abbreviated(value) + " is not a whole number of 64 bits");
            }
            return whole.map(v -> v);
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return text(name, value, problems);
        }
        problems.add("application field '" + name + "' must be text, a number or true/false; put the applicant's personal "
                + "data under 'applicant'");
        return Optional.empty();
    }

    private static Optional<CamundaFormData> formData(ExtensionElements extensions) {
        return extensions == null ? Optional.empty()
                : extensions.getChildElementsByType(CamundaFormData.class).stream().findFirst();
    }

    private static Field field(CamundaFormField field) {
        boolean required = field.getCamundaValidation() != null && field.getCamundaValidation().getCamundaConstraints()
                .stream().map(CamundaConstraint::getCamundaName).anyMatch("required"::equals);
        boolean personal = "true".equals(property(field, PERSONAL));
        Prefill prefill = Prefill.parse(property(field, Prefill.PROPERTY)).orElse(null);
        return new Field(field.getCamundaId(), field.getCamundaLabel(), field.getCamundaType() == null ? "string"
                : field.getCamundaType(), required, field.getCamundaValues().stream().map(CamundaValue::getCamundaId).toList(),
                personal, prefill, bound(field, "min"), bound(field, "max"));
    }

    /** The whole number a field's constraint {@code name} sets ({@code <camunda:constraint name="min" config="0"/>}); null when none. */
    private static Long bound(CamundaFormField field, String name) {
        return field.getCamundaValidation() == null ? null : field.getCamundaValidation().getCamundaConstraints().stream()
                .filter(c -> name.equals(c.getCamundaName()) && c.getCamundaConfig() != null)
                .map(c -> Long.parseLong(c.getCamundaConfig().trim())).findFirst().orElse(null);
    }

    /** A form field's property, named by {@code name} or {@code id}; null when absent. */
    private static String property(CamundaFormField field, String name) {
        return field.getCamundaProperties() == null ? null : field.getCamundaProperties().getCamundaProperties().stream()
                .filter(p -> name.equals(p.getCamundaId()) || name.equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
    }
}
