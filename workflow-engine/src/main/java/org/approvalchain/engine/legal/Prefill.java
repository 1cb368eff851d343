package org.approvalchain.engine.legal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An application field's declaration that it may be filled from one of the applicant's valid
 * electronic licences (证照复用): the form field's {@code camunda:property} {@value #PROPERTY} with
 * the value {@code <licence type>:<field>}, e.g. {@code 营业执照:enterpriseName}. The licence type
 * matches a licence whose type on chain is that text, or begins with it followed by a space
 * ({@code 营业执照 business licence}); the field is the application field of the case that issued the
 * licence. The legal gate refuses a malformed declaration (LEGAL-016).
 */
public record Prefill(String licenceType, String field) {

    /** The form field property that declares a prefill. */
    public static final String PROPERTY = "prefill";

    private static final Pattern DECLARATION = Pattern.compile("(\\S(?:.*\\S)?)\\s*:\\s*([A-Za-z_][A-Za-z0-9_]{0,99})");

    /** The declaration {@code value} makes; empty when it is malformed. */
    public static Optional<Prefill> parse(String value) {
        Matcher matcher = DECLARATION.matcher(value == null ? "" : value.strip());
        return matcher.matches() ? Optional.of(new Prefill(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** Whether a licence of {@code type} (as the chain holds it) is of the declared type. */
    public boolean matches(String type) {
        return type != null && (type.equals(licenceType) || type.startsWith(licenceType + " "));
    }

    /** The declaration as written: {@code <licence type>:<field>}. */
    @Override
    public String toString() {
        return licenceType + ":" + field;
    }
}
