package org.approvalchain.engine.calendar;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's working-day calendar: the shipped notices and the operator's calendar folder. */
@Configuration(proxyBeanMethods = false)
class WorkingDayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WorkingDayConfiguration.class);

    @Bean
    WorkingDays workingDays(@Value("${approvalchain.calendar.dir}") Path folder,
                            @Value("${approvalchain.calendar.zone}") ZoneId zone) {
        WorkingDays workingDays = WorkingDays.load(folder, zone);
        int thisYear = LocalDate.now(zone).getYear();
        log.info("CALENDAR-003 working days by the holiday notices of {} (operator's folder {})", workingDays.years(),
                folder.toAbsolutePath());
        // the same warning as when a day of such a year is first counted, so that it is logged once
        workingDays.warnOfMissingNotice(thisYear);
        workingDays.warnOfMissingNotice(thisYear + 1);
        return workingDays;
    }
}
