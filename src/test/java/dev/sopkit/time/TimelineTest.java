package dev.sopkit.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Working-time arithmetic across zones, DST changes, holidays, midnight and 24/7. */
class TimelineTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final LocalDate FROM = LocalDate.of(2026, 12, 1);

  static WorkCalendar weekdays(ZoneId zone, int[] ranges, String... holidays) {
    int[][] week = new int[7][];
    for (int d = 0; d < 7; d++) {
      week[d] = d < 5 ? ranges : new int[0];
    }
    SortedSet<LocalDate> h = new TreeSet<>();
    for (String s : holidays) {
      h.add(LocalDate.parse(s));
    }
    return new WorkCalendar("test", zone, week, h, false);
  }

  static long at(String local, ZoneId zone) {
    return LocalDateTime.parse(local).atZone(zone).toEpochSecond();
  }

  static final int[] NINE_TO_FIVE = {9 * 60, 17 * 60};

  @Test
  void workStartedFridayAfternoonEndsMonday() {
    Timeline t = new Timeline(weekdays(BERLIN, NINE_TO_FIVE), FROM);
    // the example: PT2H of work started at 16:00 on a 09:00-17:00 Friday ends Monday 10:00
    assertEquals(at("2026-12-07T10:00", BERLIN), t.add(at("2026-12-04T16:00", BERLIN), 7_200));
  }

  @Test
  void workEndingAtClosingTimeEndsThen() {
    Timeline t = new Timeline(weekdays(BERLIN, NINE_TO_FIVE), FROM);
    assertEquals(at("2026-12-07T17:00", BERLIN), t.add(at("2026-12-07T09:00", BERLIN), 8 * 3_600));
    // started outside hours: waits for the morning
    assertEquals(at("2026-12-08T10:00", BERLIN), t.add(at("2026-12-07T20:00", BERLIN), 3_600));
  }

  @Test
  void holidaysAreSkipped() {
    Timeline t =
        new Timeline(
            weekdays(BERLIN, NINE_TO_FIVE, "2026-12-24", "2026-12-25", "2026-12-26"), FROM);
    // Wed 23rd 16:00 + 2h: 1h on the 23rd, then Thu 24 and Fri 25 are holidays, Sat/Sun weekend
    assertEquals(at("2026-12-28T10:00", BERLIN), t.add(at("2026-12-23T16:00", BERLIN), 7_200));
    assertEquals(3_600 * 2, t.between(at("2026-12-23T16:00", BERLIN), at("2026-12-28T10:00", BERLIN)));
  }

  @Test
  void dstChangesShortenTheNightNotTheWorkingDay() {
    // Berlin leaves summer time on 2026-10-25 at 03:00: 00:00-06:00 that Sunday lasts 7 hours
    int[][] week = new int[7][];
    for (int d = 0; d < 7; d++) {
      week[d] = new int[] {0, 6 * 60};
    }
    WorkCalendar night = new WorkCalendar("night", BERLIN, week, new TreeSet<>(), false);
    Timeline t = new Timeline(night, LocalDate.of(2026, 10, 20));
    long start = at("2026-10-25T00:00", BERLIN);
    assertEquals(7 * 3_600, t.between(start, at("2026-10-25T06:00", BERLIN)));
    // and 2027-03-28 (spring forward at 02:00) only 5 hours
    Timeline spring = new Timeline(night, LocalDate.of(2027, 3, 20));
    assertEquals(
        5 * 3_600,
        spring.between(at("2027-03-28T00:00", BERLIN), at("2027-03-28T06:00", BERLIN)));
    // 6 hours of work from Sunday midnight end at 01:00 on Monday
    assertEquals(
        at("2027-03-29T01:00", BERLIN), spring.add(at("2027-03-28T00:00", BERLIN), 6 * 3_600));
  }

  @Test
  void rangesTouchingMidnightRunOn() {
    int[][] week = new int[7][];
    for (int d = 0; d < 7; d++) {
      week[d] = new int[] {0, 6 * 60, 22 * 60, 24 * 60};
    }
    WorkCalendar nights = new WorkCalendar("nights", ZoneId.of("UTC"), week, new TreeSet<>(), false);
    Timeline t = new Timeline(nights, FROM);
    // 23:00 + 3h crosses midnight without a gap
    assertEquals(at("2026-12-03T02:00", ZoneId.of("UTC")), t.add(at("2026-12-02T23:00", ZoneId.of("UTC")), 3 * 3_600));
    // one interval 22:00-06:00, not two meeting at midnight: working time rises until 06:00
    Timeline.Cursor worked = t.cursor(0);
    worked.at(at("2026-12-02T23:00", ZoneId.of("UTC")));
    assertTrue(worked.rising);
    assertEquals(at("2026-12-03T06:00", ZoneId.of("UTC")), worked.end);
    // the journey timeline shades closed time from the same single interval
    long[] b = t.boundaries(at("2026-12-02T12:00", ZoneId.of("UTC")), at("2026-12-03T12:00", ZoneId.of("UTC")));
    assertEquals(List.of(at("2026-12-02T22:00", ZoneId.of("UTC")), at("2026-12-03T06:00", ZoneId.of("UTC"))), List.of(b[0], b[1]));
    assertEquals(2, b.length);
  }

  @Test
  void roundTheClockIsElapsedTime() {
    Timeline t = new Timeline(WorkCalendar.ALWAYS_UTC, FROM);
    assertTrue(t.continuous());
    long s = at("2026-12-04T16:00", ZoneId.of("UTC"));
    assertEquals(s + 86_400 * 3, t.add(s, 86_400 * 3));
    assertEquals(0, t.boundaries(s, s + 86_400).length);
    assertEquals(86_400, WorkCalendar.ALWAYS_UTC.dayLength());
  }

  @Test
  void otherZonesCountTheirOwnClock() {
    ZoneId ny = ZoneId.of("America/New_York");
    Timeline t = new Timeline(weekdays(ny, NINE_TO_FIVE), FROM);
    // 16:00 Berlin Friday is 10:00 in New York: 2 hours of work end at 12:00 New York time
    assertEquals(at("2026-12-04T12:00", ny), t.add(at("2026-12-04T16:00", BERLIN), 7_200));
  }

  @Test
  void aCalendarThatNeverWorksNeverFinishes() {
    int[][] week = new int[7][];
    for (int d = 0; d < 7; d++) {
      week[d] = new int[0];
    }
    Timeline t = new Timeline(new WorkCalendar("none", BERLIN, week, new TreeSet<>(), false), FROM);
    assertEquals(Timeline.NEVER, t.add(at("2026-12-04T16:00", BERLIN), 60));
  }

  @Test
  void summaryGroupsDaysAndHolidays() {
    WorkCalendar c = weekdays(BERLIN, NINE_TO_FIVE, "2026-12-24", "2026-12-25", "2026-12-26", "2027-01-01");
    assertEquals("mon-fri 09:00-17:00, holidays 2026-12-24..26, 2027-01-01", c.summary(FROM, FROM.plusYears(1)));
    assertEquals(8 * 3_600, c.dayLength());
  }
}
