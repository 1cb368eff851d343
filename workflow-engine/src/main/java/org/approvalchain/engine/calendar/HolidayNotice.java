package org.approvalchain.engine.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * One year of the State Council's holiday notice (国务院办公厅关于某年部分节假日安排的通知), as
 * {@code calendar/<year>.json} gives it: the days off (法定节假日 with the days moved next to them,
 * 放假调休) and the weekend days worked instead (调休上班).
 *
 * @param notice the notice's title and date, for the record
 * @param source where its text was read
 */
public record HolidayNotice(int year, String notice, String source, List<Holiday> holidays,
                            List<LocalDate> workingWeekendDays) {

    /** Days off, from and to inclusive. */
    public record Holiday(String name, LocalDate from, LocalDate to) {
    }

    public HolidayNotice {
        holidays = List.copyOf(holidays == null ? List.of() : holidays);
        workingWeekendDays = List.copyOf(workingWeekendDays == null ? List.of() : workingWeekendDays);
        for (Holiday holiday : holidays) {
            if (holiday.from() == null || holiday.to() == null || holiday.to().isBefore(holiday.from())) {
                throw new IllegalArgumentException("holiday '" + holiday.name() + "' needs from and to, to not before from");
            }
            inYear(year, holiday.from(), "holiday '" + holiday.name() + "'");
            inYear(year, holiday.to(), "holiday '" + holiday.name() + "'");
        }
        for (LocalDate day : workingWeekendDays) {
            inYear(year, day, "working weekend day");
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new IllegalArgumentException("working weekend day " + day + " is a " + day.getDayOfWeek()
                        + ", not a Saturday or Sunday");
            }
            if (isHoliday(day, holidays)) {
                throw new IllegalArgumentException(day + " is both a holiday and a working weekend day");
            }
        }
    }

    /** Whether the notice makes this day a day off. */
    boolean isHoliday(LocalDate day) {
        return isHoliday(day, holidays);
    }

    /** Whether the notice makes this weekend day a working day. */
    boolean isWorkingWeekendDay(LocalDate day) {
        return workingWeekendDays.contains(day);
    }

    private static boolean isHoliday(LocalDate day, List<Holiday> holidays) {
        return holidays.stream().anyMatch(h -> !day.isBefore(h.from()) && !day.isAfter(h.to()));
    }

    private static void inYear(int year, LocalDate day, String what) {
        if (day.getYear() != year) {
            throw new IllegalArgumentException(what + ": " + day + " is not in " + year);
        }
    }
}
