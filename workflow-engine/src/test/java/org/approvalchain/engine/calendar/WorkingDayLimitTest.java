package org.approvalchain.engine.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingDayLimitTest {

    @ParameterizedTest
    @CsvSource({"3 working days, 3", "1 working day, 1", "20 Working Days, 20", "3个工作日, 3", "30 工作日, 30"})
    void readsALimitInWorkingDays(String text, int days) {
        assertThat(WorkingDayLimit.of(text)).contains(days);
    }

    @ParameterizedTest
    @ValueSource(strings = {"P3D", "PT12H", "2026-10-01T00:00:00", "0 working days", "three working days", "3 days", ""})
    void leavesEverythingElseToCamunda(String text) {
        assertThat(WorkingDayLimit.of(text)).isEmpty();
    }
}
