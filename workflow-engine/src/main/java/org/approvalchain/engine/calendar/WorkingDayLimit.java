package org.approvalchain.engine.calendar;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time limit written in working days, as a model's timer or due date states it: {@code "3 working
 * days"} or {@code "3个工作日"}. Everything else (an ISO-8601 duration such as {@code P3D}, a date)
 * is not one and keeps Camunda's meaning.
 */
public final class WorkingDayLimit {

    private static final Pattern FORM = Pattern.compile("^\\s*([1-9]\\d{0,3})\\s*(?:working\\s+days?|个?工作日)\\s*$",
            Pattern.CASE_INSENSITIVE);

    private WorkingDayLimit() {
    }

    /** The number of working days the text states, if it is written in working days. */
    public static Optional<Integer> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = FORM.matcher(text);
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }
}
