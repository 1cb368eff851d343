package org.approvalchain.engine.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** Counting working days by the shipped 2026 notice, an operator's own notice, and a year without one. */
class WorkingDaysTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private final WorkingDays shipped = WorkingDays.load(null, BEIJING);

    @ParameterizedTest(name = "{1} working days from {0} end on {2}")
    @CsvSource({
            // an ordinary week: the day of receipt is not counted
            "2026-11-30, 3, 2026-12-03",
            // over a weekend
            "2026-11-26, 3, 2026-12-01",
            // over 国庆节 (1–7 October)
            "2026-09-29, 3, 2026-10-09",
            // Sunday 20 September is worked (调休)
            "2026-09-18, 1, 2026-09-20",
            // Saturday 14 February is worked, then 春节 from 15 to 23 February
            "2026-02-13, 1, 2026-02-14",
            "2026-02-14, 1, 2026-02-24",
            // received on a holiday: counting starts the next day all the same
            "2026-10-03, 1, 2026-10-08",
            // 20 working days over 中秋节 and 国庆节 with both worked weekend days
            "2026-09-18, 20, 2026-10-22",
            // into a year without a notice: 1 January is a fixed holiday, then a weekend
            "2026-12-31, 1, 2027-01-04",
    })
    void countsWorkingDaysByTheNotice(LocalDate start, int count, LocalDate lastDay) {
        assertThat(shipped.lastDay(start, count)).isEqualTo(lastDay);
    }

    @Test
    void aPeriodEndsAtMidnightInBeijingAfterItsLastDay() {
        // 23:00 UTC on 29 September is already 30 September in Beijing: that day is not counted
        assertThat(shipped.deadline(Instant.parse("2026-09-29T23:00:00Z"), 1)).isEqualTo(Instant.parse("2026-10-08T16:00:00Z"));
        assertThat(shipped.deadline(Instant.parse("2026-09-29T02:00:00Z"), 1)).isEqualTo(Instant.parse("2026-09-30T16:00:00Z"));
    }

    @Test
    void aYearWithoutANoticeCountsWeekendsAndTheFixedHolidaysOnly() {
        assertThat(shipped.years()).contains(2026).doesNotContain(2027);
        assertThat(shipped.isWorkingDay(LocalDate.parse("2027-10-01"))).isFalse();
        assertThat(shipped.isWorkingDay(LocalDate.parse("2027-05-03"))).isTrue();
        assertThat(shipped.isWorkingDay(LocalDate.parse("2027-10-04"))).isTrue();
    }

    @Test
    void theOperatorsNoticeReplacesTheShippedOneOfItsYear(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("2026.json"), """
                {"year": 2026, "notice": "test", "source": "test",
                 "holidays": [{"name": "a day off", "from": "2026-12-01", "to": "2026-12-01"}],
                 "workingWeekendDays": ["2026-12-05"]}""");

        WorkingDays replaced = WorkingDays.load(folder, BEIJING);

        assertThat(replaced.isWorkingDay(LocalDate.parse("2026-12-01"))).isFalse();
        assertThat(replaced.isWorkingDay(LocalDate.parse("2026-12-05"))).isTrue();
        assertThat(replaced.isWorkingDay(LocalDate.parse("2026-10-02"))).as("the shipped 国庆节 is replaced").isTrue();
    }

    @Test
    void aNoticeThatContradictsItselfIsRefusedNamingTheFileAndTheDay(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("2026.json"), """
                {"year": 2026, "notice": "test", "source": "test", "holidays": [],
                 "workingWeekendDays": ["2026-09-21"]}""");

        assertThatThrownBy(() -> WorkingDays.load(folder, BEIJING)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2026.json").hasMessageContaining("2026-09-21 is a MONDAY");
    }

    @Test
    void aHolidayOutsideItsYearIsRefused(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("2027.json"), """
                {"year": 2027, "notice": "test", "source": "test",
                 "holidays": [{"name": "元旦", "from": "2026-12-31", "to": "2027-01-01"}]}""");

        assertThatThrownBy(() -> WorkingDays.load(folder, BEIJING)).hasMessageContaining("2026-12-31 is not in 2027");
    }

    @Test
    void aYearWithoutANoticeIsReportedOnceWhetherStartUpOrACountAsksFirst() {
        Logger logger = (Logger) LoggerFactory.getLogger(WorkingDays.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            shipped.warnOfMissingNotice(2099);
            shipped.isWorkingDay(LocalDate.parse("2099-03-02"));
            shipped.warnOfMissingNotice(2026);

            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                    .singleElement().asString().startsWith("CALENDAR-002 no holiday notice for 2099");
        } finally {
            logger.detachAppender(log);
        }
    }
}
