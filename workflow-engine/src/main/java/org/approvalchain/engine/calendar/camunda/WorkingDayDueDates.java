package org.approvalchain.engine.calendar.camunda;

import java.util.Date;

import org.approvalchain.engine.calendar.WorkingDayLimit;
import org.approvalchain.engine.calendar.WorkingDays;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * One of Camunda's business calendars (for timer durations, or for due dates) that also understands a
 * limit in working days ({@link WorkingDayLimit}); anything else it leaves to the calendar it wraps.
 */
final class WorkingDayDueDates implements BusinessCalendar {

    private final BusinessCalendar otherwise;
    private final WorkingDays workingDays;

    WorkingDayDueDates(BusinessCalendar otherwise, WorkingDays workingDays) {
        this.otherwise = otherwise;
        this.workingDays = workingDays;
    }

    @Override
    public Date resolveDuedate(String description) {
        return resolveDuedate(description, ClockUtil.getCurrentTime());
    }

    @Override
    public Date resolveDuedate(String description, Date start) {
        return WorkingDayLimit.of(description)
                .map(days -> Date.from(workingDays.deadline(start.toInstant(), days)))
                .orElseGet(() -> otherwise.resolveDuedate(description, start));
    }

    @Override
    public Date resolveDuedate(String description, Task task) {
        return WorkingDayLimit.of(description)
                .map(days -> resolveDuedate(description, task.getCreateTime() == null ? ClockUtil.getCurrentTime()
                        : task.getCreateTime()))
                .orElseGet(() -> otherwise.resolveDuedate(description, task));
    }
}
