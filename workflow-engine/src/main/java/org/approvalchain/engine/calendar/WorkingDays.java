package org.approvalchain.engine.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The calendar of working days: Monday to Friday, less the holidays of the year's notice, plus the
 * weekend days it makes working days. The notices shipped with the engine ({@code
 * classpath:calendar/<year>.json}) are replaced, year by year, by the operator's files of the same
 * name in the calendar folder. A year without a notice (the State Council publishes the next
 * year's in November or December) counts weekends and the holidays on fixed dates of 全国年节及纪念日放假办法
 * 第二条 (1 January, 1–2 May, 1–3 October) as days off, and says so in the log once: the lunar
 * holidays and 调休 of that year are unknown until its notice is in place.
 */
public final class WorkingDays {

    private static final Logger log = LoggerFactory.getLogger(WorkingDays.class);
    private static final Set<MonthDay> FIXED_HOLIDAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 2),
            MonthDay.of(10, 1), MonthDay.of(10, 2), MonthDay.of(10, 3));
    private static final JsonMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private final Map<Integer, HolidayNotice> notices;
    private final ZoneId zone;
    private final Set<Integer> warned = ConcurrentHashMap.newKeySet();

    WorkingDays(Map<Integer, HolidayNotice> notices, ZoneId zone) {
        this.notices = Map.copyOf(notices);
        this.zone = zone;
    }

    /**
     * The shipped notices, each replaced by the operator's file of the same year in {@code folder}
     * (which need not exist), in the time zone that decides where a day begins.
     *
     * @throws IllegalStateException naming the file, when a notice cannot be read or is inconsistent
     */
    public static WorkingDays load(Path folder, ZoneId zone) {
        Map<Integer, HolidayNotice> notices = new TreeMap<>();
        try {
            for (Resource shipped : new PathMatchingResourcePatternResolver().getResources("classpath:calendar/*.json")) {
                try (InputStream in = shipped.getInputStream()) {
                    put(notices, read(in, "calendar/" + shipped.getFilename()));
                }
            }
            if (folder != null && Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                        try (InputStream in = Files.newInputStream(file)) {
                            put(notices, read(in, file.toString()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("CALENDAR-001 cannot read the holiday notices: " + e.getMessage(), e);
        }
        return new WorkingDays(notices, zone);
    }

    private static HolidayNotice read(InputStream in, String name) {
        try {
            return JSON.readValue(in, HolidayNotice.class);
        } catch (IOException e) {
            throw new IllegalStateException("CALENDAR-001 holiday notice " + name + " is not valid: "
                    + (e.getCause() instanceof IllegalArgumentException bad ? bad.getMessage() : e.getMessage()), e);
        }
    }

    private static void put(Map<Integer, HolidayNotice> notices, HolidayNotice notice) {
        notices.put(notice.year(), notice);
    }

    /** The years with a notice in place. */
    public Set<Integer> years() {
        return new TreeSet<>(notices.keySet());
    }

    /** The time zone in which days begin and end. */
    public ZoneId zone() {
        return zone;
    }

    /** Whether a day is a working day. */
    public boolean isWorkingDay(LocalDate day) {
        HolidayNotice notice = notices.get(day.getYear());
        if (notice == null) {
            warnOfMissingNotice(day.getYear());
            return !isWeekend(day) && !FIXED_HOLIDAYS.contains(MonthDay.from(day));
        }
        if (notice.isHoliday(day)) {
            return false;
        }
        return !isWeekend(day) || notice.isWorkingWeekendDay(day);
    }

    /**
     * Says in the log ({@code CALENDAR-002}), once per year whatever asks, that {@code year} has no
     * notice: at start-up for the years ahead, or when a day of that year is first counted.
     */
    void warnOfMissingNotice(int year) {
        if (!notices.containsKey(year) && warned.add(year)) {
            log.warn("CALENDAR-002 no holiday notice for {}: its weekends and 1 January, 1–2 May and 1–3 October "
                    + "are counted as days off, its lunar holidays and adjusted working days are not; put {}.json "
                    + "in the calendar folder when the State Council publishes it (docs/working-days.md)", year, year);
        }
    }

    /**
     * The last day of a period of {@code count} working days that starts on {@code start}: the day
     * it starts is not counted (民法典 第二百零一条), and counting only working days, the last day is
     * always one (第二百零三条).
     */
    public LocalDate lastDay(LocalDate start, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a period of working days has at least one: " + count);
        }
        LocalDate day = start;
        for (int counted = 0; counted < count; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** When a period of {@code count} working days from {@code start} ends: 24:00 of its last day (第二百零三条). */
    public Instant deadline(Instant start, int count) {
        return lastDay(LocalDate.ofInstant(start, zone), count).plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
