package org.approvalchain.engine.process;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.approvalchain.engine.chain.Licences;
import org.approvalchain.engine.chain.Licences.Licence;
import org.approvalchain.engine.chain.Licences.Standing;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * Licence reuse (证照复用): an applicant's valid electronic licences, the application fields they
 * fill (the form's {@code prefill} declarations, {@link org.approvalchain.engine.legal.Prefill}),
 * and the licences a new case reuses as its materials. A licence is the applicant's when it was
 * issued under the id of a case they started; whether it is in force and held by that case's
 * applicant is asked of {@code LicenseRegistry} every time, never taken from the engine's database.
 * A reused licence is checked on chain again when the case starts, against the new case's
 * applicant hash, and its hash ({@link Licences#hashOf}) becomes one of the case's material hashes,
 * which the approver's signed decision binds.
 */
@Service
public class LicenceReuse {

    /** The variable holding the numbers of the licences a case reused, comma-separated. */
    static final String REUSED_LICENCES = "reusedLicences";
    private static final int MAX_REUSED = 20;

    private final Licences licences;
    private final HistoryService history;
    private final DeployedDefinitions definitions;

    LicenceReuse(Licences licences, HistoryService history, DeployedDefinitions definitions) {
        this.licences = licences;
        this.history = history;
        this.definitions = definitions;
    }

    /** A valid licence of the applicant's, as the chain holds it, with the case and process that issued it. */
    public record HeldLicence(Licence licence, String caseId, String processKey) {
    }

    /**
     * One application field filled from a licence.
     *
     * @param field the application field
     * @param licenceHash the licence's hash, which becomes a material of the case that reuses it
     */
    public record PrefilledValue(String field, Object value, String licenceNumber, String licenceType, String licenceHash) {
    }

    /** A declared application field; {@code prefill} is its declaration ({@code 营业执照:enterpriseName}), null for none. */
    public record FormField(String name, String label, String type, boolean required, List<String> values, String prefill) {
    }

    /** A process's application form and the values the applicant's valid licences give it now. */
    public record ApplicationPrefill(String processKey, List<FormField> fields, List<PrefilledValue> values) {
    }

    private record Held(HeldLicence licence, String processInstanceId) {
    }

    /** The valid licences issued for the cases {@code userId} started, newest first, each checked on chain now. */
    public List<HeldLicence> held(String userId) {
        return heldNow(userId).stream().map(Held::licence).toList();
    }

    /**
     * The latest version of {@code processKey}'s application form and, for each field that declares a
     * prefill, the value from the newest of {@code userId}'s valid licences of that type.
     *
     * @throws CaseException NOT_FOUND when no such process is deployed
     */
    public ApplicationPrefill prefill(String processKey, String userId) {
        ApplicationForm form = definitions.form(definitions.latest(processKey).orElseThrow(() -> new CaseException(
                CaseException.Kind.NOT_FOUND, "no process with key '" + processKey + "' is deployed")).getId());
        List<FormField> fields = form.fields().orElse(List.of()).stream().map(f -> new FormField(f.name(), f.label(),
                f.type(), f.required(), f.values(), f.prefill() == null ? null : f.prefill().toString())).toList();
        List<Held> held = form.prefillable().isEmpty() ? List.of() : heldNow(userId);
        List<PrefilledValue> values = new ArrayList<>();
        for (ApplicationForm.Field field : form.prefillable()) {
            held.stream().filter(h -> field.prefill().matches(h.licence().licence().type()))
                    .flatMap(h -> value(h.processInstanceId(), field.prefill().field()).map(value -> new PrefilledValue(
                            field.name(), value, h.licence().licence().number(), h.licence().licence().type(),
                            h.licence().licence().hash())).stream())
                    .findFirst().ifPresent(values::add);
        }
        return new ApplicationPrefill(processKey, fields, values);
    }

    /**
     * The case variables that record the licences a new case reuses ({@value #REUSED_LICENCES} and
     * the material hashes); none when it reuses none. Each licence is checked on chain now: issued,
     * in force, held by the applicant whose data hashes to {@code applicantHash}, and of a type the
     * form declares a prefill for.
     *
     * @throws CaseException INVALID ({@code LICENCE-003}) naming each refused licence and why
     */
    Map<String, Object> materials(ApplicationForm form, List<String> numbers, String applicantHash) {
        if (numbers == null || numbers.isEmpty()) {
            return Map.of();
        }
        if (numbers.size() > MAX_REUSED || numbers.stream().anyMatch(n -> n == null || n.isBlank() || n.length() > 100)) {
            throw new CaseException(CaseException.Kind.INVALID, "LICENCE-003 reusedLicences must list 1 to " + MAX_REUSED
                    + " licence numbers of 1 to 100 characters");
        }
        List<String> problems = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        List<String> distinct = List.copyOf(new LinkedHashSet<>(numbers));
        for (String number : distinct) {
            Optional<Licence> licence = licences.find(number);
            refusal(form, licence, number, applicantHash).ifPresentOrElse(
                    reason -> problems.add("licence " + number + " " + reason),
                    () -> hashes.add(licence.orElseThrow().hash()));
        }
        if (!problems.isEmpty()) {
            throw new CaseException(CaseException.Kind.INVALID, "LICENCE-003 the application for '" + form.processKey()
                    + "' cannot reuse: " + String.join("; ", problems));
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(REUSED_LICENCES, String.join(",", distinct));
        variables.put(CaseStates.MATERIAL_HASHES, String.join(",", hashes.stream().sorted().distinct().toList()));
        return variables;
    }

    private Optional<String> refusal(ApplicationForm form, Optional<Licence> found, String number, String applicantHash) {
        if (found.isEmpty()) {
            return Optional.of("was never issued");
        }
        Licence licence = found.get();
        if (licence.standing() != Standing.VALID) {
            return Optional.of("is " + switch (licence.standing()) {
                case REVOKED -> "revoked";
                case EXPIRED -> "expired (valid until " + licence.validUntil() + ")";
                default -> "not yet valid (valid from " + licence.validFrom() + ")";
            });
        }
        if (form.prefillable().stream().noneMatch(f -> f.prefill().matches(licence.type()))) {
            return Optional.of("is a '" + licence.type() + "', which this form takes from no licence (it takes: "
                    + form.prefillable().stream().map(f -> f.prefill().licenceType()).distinct().toList() + ")");
        }
        return licences.heldBy(number, applicantHash) ? Optional.empty()
                : Optional.of("is not held by this applicant (the holder on chain is not the applicant data given)");
    }

    private List<Held> heldNow(String userId) {
        List<Held> held = new ArrayList<>();
        for (HistoricProcessInstance kase : history.createHistoricProcessInstanceQuery()
                .variableValueEquals(Cases.INITIATOR, userId).list()) {
            String caseId = kase.getBusinessKey();
            Optional<String> applicantHash = value(kase.getId(), CaseContext.APPLICANT_HASH).map(String::valueOf);
            if (caseId == null || applicantHash.isEmpty()) {
                continue;
            }
            licences.find(caseId).filter(l -> l.standing() == Standing.VALID && licences.heldBy(caseId, applicantHash.get()))
                    .ifPresent(l -> held.add(new Held(new HeldLicence(l, caseId, kase.getProcessDefinitionKey()), kase.getId())));
        }
        held.sort(Comparator.comparing((Held h) -> h.licence().licence().validFrom()).reversed());
        return held;
    }

    private Optional<Object> value(String processInstanceId, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(name).list()
                .stream().map(HistoricVariableInstance::getValue).filter(Objects::nonNull).findFirst();
    }
}
