package dev.sopkit.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The exact worst case against a brute-force search: every start minute of a small horizon, each
 * simulated minute by minute on a table of which minutes are worked (no interval arithmetic), on
 * small calendars across zones, DST changes, holidays and midnight.
 */
class WorstStartTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId UTC = ZoneId.of("UTC");

  /** Calendars to draw from: weekdays, two shifts, nights across midnight, 24/7 with a holiday. */
  private static List<WorkCalendar> calendars() {
    List<WorkCalendar> out = new ArrayList<>();
    out.add(TimelineTest.weekdays(BERLIN, new int[] {9 * 60, 17 * 60}, "2026-10-27"));
    out.add(TimelineTest.weekdays(NEW_YORK, new int[] {8 * 60, 12 * 60, 13 * 60, 17 * 60}));
    int[][] shifts = new int[7][];
    int[][] nights = new int[7][];
    for (int d = 0; d < 7; d++) {
      shifts[d] = d < 6 ? new int[] {6 * 60, 14 * 60, 14 * 60, 22 * 60} : new int[0];
      nights[d] = new int[] {0, 2 * 60 + 30, 22 * 60, 24 * 60};
    }
    out.add(new WorkCalendar("shifts", BERLIN, shifts, new TreeSet<>(), false));
    out.add(new WorkCalendar("nights", BERLIN, nights, new TreeSet<>(), false));
    TreeSet<LocalDate> closed = new TreeSet<>(List.of(LocalDate.of(2026, 10, 26)));
    out.add(new WorkCalendar("cs", UTC, WorkCalendar.allWeekRanges(), closed, true));
    out.add(WorkCalendar.ALWAYS_UTC);
    return out;
  }

  /** Which minutes are worked, from {@code origin}, as a plain table. */
  private static boolean[] table(WorkCalendar c, long origin, int minutes) {
    boolean[] worked = new boolean[minutes];
    for (int i = 0; i < minutes; i++) {
      ZonedDateTime local = java.time.Instant.ofEpochSecond(origin + 60L * i).atZone(c.zone());
      if (c.holiday(local.toLocalDate())) {
        continue;
      }
      int m = local.getHour() * 60 + local.getMinute();
      int[] r = c.ranges(local.getDayOfWeek());
      for (int k = 0; k < r.length; k += 2) {
        worked[i] |= m >= r[k] && m < r[k + 1];
      }
    }
    return worked;
  }

  private static int bruteAdd(boolean[] worked, int at, long seconds) {
    long left = seconds / 60;
    int m = at;
    while (left > 0) {
      if (worked[m]) {
        left--;
      }
      m++;
    }
    return m;
  }

  @Test
  void exactWorstCaseEqualsMinuteSearch() {
    SplittableRandom random = new SplittableRandom(10);
    List<WorkCalendar> calendars = calendars();
    LocalDate from = LocalDate.of(2026, 10, 23); // spans Berlin's and New York's DST changes
    long origin = from.atStartOfDay(UTC).toEpochSecond();
    int horizon = 5 * 1440;
    int span = 40 * 1440;
    int constant = 0;
    for (int round = 0; round < 40; round++) {
      int legs = 1 + random.nextInt(3);
      List<WorstStart.Leg> chain = new ArrayList<>();
      List<boolean[]> tables = new ArrayList<>();
      for (int i = 0; i < legs; i++) {
        WorkCalendar c = calendars.get(random.nextInt(calendars.size()));
        long seconds = 60L * 15 * random.nextInt(4 * 14);
        chain.add(new WorstStart.Leg(new Timeline(c, from), seconds));
        tables.add(table(c, origin, span));
      }
      boolean business = random.nextBoolean();
      WorkCalendar m = calendars.get(random.nextInt(calendars.size()));
      Timeline measuring = business ? new Timeline(m, from) : null;
      boolean[] measured = table(m, origin, span);

      long bruteBest = -1;
      int bruteStart = -1;
      for (int s = 0; s < horizon; s++) {
        int x = s;
        for (int i = 0; i < legs; i++) {
          x = bruteAdd(tables.get(i), x, chain.get(i).seconds());
        }
        long value = 0;
        if (business) {
          for (int k = s; k < x; k++) {
            value += measured[k] ? 60 : 0;
          }
        } else {
          value = 60L * (x - s);
        }
        if (value >= bruteBest) {
          bruteBest = value;
          bruteStart = s;
        }
      }
      WorstStart.Result exact =
          WorstStart.of(chain, measuring, origin, origin + 60L * horizon);
      String what = "round " + round + ": " + chain.size() + " legs, business " + business;
      if (bruteBest != exact.measure()) {
        for (int s = 0; s < horizon; s++) {
          int x = s;
          long y = origin + 60L * s;
          for (int i = 0; i < legs; i++) {
            x = bruteAdd(tables.get(i), x, chain.get(i).seconds());
            y = chain.get(i).timeline().add(y, chain.get(i).seconds());
            if (origin + 60L * x != y) {
              throw new AssertionError(what + ": start " + java.time.Instant.ofEpochSecond(origin + 60L * s) + " leg " + i + " " + chain.get(i).timeline().calendar().id() + " +" + chain.get(i).seconds() + " brute " + java.time.Instant.ofEpochSecond(origin + 60L * x) + " exact " + java.time.Instant.ofEpochSecond(y));
            }
          }
        }
      }
      assertEquals(bruteBest, exact.measure(), what);
      if (!exact.anyStart()) {
        assertEquals(origin + 60L * bruteStart, exact.start(), what + " (latest worst start)");
      } else {
        constant++;
      }
    }
    assertTrue(constant < 20, constant + " of 40 rounds had no calendar boundary");
  }

  @Test
  void fridayBeforeChristmasIsTheWorstStart() {
    WorkCalendar finance =
        TimelineTest.weekdays(
            BERLIN, new int[] {9 * 60, 17 * 60}, "2026-12-24", "2026-12-25", "2026-12-26");
    LocalDate from = LocalDate.of(2026, 11, 22);
    Timeline tl = new Timeline(finance, from);
    List<WorstStart.Leg> chain =
        List.of(
            new WorstStart.Leg(new Timeline(WorkCalendar.ALWAYS_UTC, from), 30 * 60),
            new WorstStart.Leg(tl, 5 * 8 * 3_600));
    long start = from.atStartOfDay(BERLIN).toEpochSecond();
    WorstStart.Result r = WorstStart.of(chain, null, start, start + 365L * 86_400);
    // half an hour before closing on the Friday before the holidays: customer service hands over
    // at 17:00 and finance works Dec 21-23, 28 and 29, done on Tuesday 29th at 17:00
    ZonedDateTime worst = java.time.Instant.ofEpochSecond(r.start()).atZone(BERLIN);
    assertEquals(ZonedDateTime.of(2026, 12, 18, 16, 30, 0, 0, BERLIN), worst);
    assertEquals(11 * 86_400 + 30 * 60, r.measure());
    assertEquals(ZonedDateTime.of(2026, 12, 29, 17, 0, 0, 0, BERLIN).toEpochSecond(), r.finishes()[1]);
  }
}
