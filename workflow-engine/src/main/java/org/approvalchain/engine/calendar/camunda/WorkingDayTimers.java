package org.approvalchain.engine.calendar.camunda;

import org.approvalchain.engine.calendar.WorkingDays;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Makes Camunda's timer durations and task due dates understand working days (Camunda's business
 * calendar mechanism): a timer {@code <timeDuration>3 working days</timeDuration>} falls due at
 * 24:00 of the third working day after the day it starts. Cycles stay Camunda's own.
 */
@Component
public class WorkingDayTimers extends AbstractProcessEnginePlugin {

    private final WorkingDays workingDays;

    public WorkingDayTimers(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
        calendars.addBusinessCalendar(DurationBusinessCalendar.NAME,
                new WorkingDayDueDates(new DurationBusinessCalendar(), workingDays));
        calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME,
                new WorkingDayDueDates(new DueDateBusinessCalendar(), workingDays));
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
        configuration.setBusinessCalendarManager(calendars);
    }
}
