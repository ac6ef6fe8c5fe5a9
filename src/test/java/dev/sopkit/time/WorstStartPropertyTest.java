package dev.sopkit.time;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The piecewise worst case ({@link WorstStart#of}) and its cursor ({@link Timeline.Cursor}) give
 * the same answers as the plain path, {@link Timeline#add} at every start minute, on randomised
 * calendars: zones with and without DST (and with half-hour offsets), ranges across midnight,
 * holidays, durations of odd seconds, and a calendar that never works.
 */
class WorstStartPropertyTest {
  private static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("UTC"),
          ZoneId.of("Europe/Berlin"),
          ZoneId.of("America/New_York"),
          ZoneId.of("Australia/Sydney"),
          ZoneId.of("Asia/Kolkata"),
          ZoneId.of("Asia/Tokyo"));
  private static final LocalDate FROM = LocalDate.of(2026, 10, 20); // before Europe's and the US's DST change

  /** A random calendar: a few ranges a day on some days, 24/7 now and then, some holidays. */
  static WorkCalendar randomCalendar(SplittableRandom r, String id) {
    ZoneId zone = ZONES.get(r.nextInt(ZONES.size()));
    TreeSet<LocalDate> holidays = new TreeSet<>();
    for (int h = r.nextInt(4); h > 0; h--) {
      holidays.add(FROM.plusDays(r.nextInt(60)));
    }
    int kind = r.nextInt(10);
    if (kind == 0) {
      return new WorkCalendar(id, zone, WorkCalendar.allWeekRanges(), holidays, true);
    }
    int[][] week = new int[7][];
    for (int d = 0; d < 7; d++) {
      if (kind == 1 || r.nextInt(4) == 0) {
        week[d] = new int[0]; // kind 1: never works
        continue;
      }
      int count = 1 + r.nextInt(3);
      int[] cuts = new int[count * 2];
      TreeSet<Integer> points = new TreeSet<>();
      while (points.size() < count * 2) {
        // on the quarter hour, or on any minute; 0 and 1440 let ranges touch across midnight
        int p = r.nextBoolean() ? 15 * r.nextInt(97) : r.nextInt(1441);
        points.add(p);
      }
      int i = 0;
      for (int p : points) {
        cuts[i++] = p;
      }
      week[d] = cuts;
    }
    return new WorkCalendar(id, zone, week, holidays, false);
  }

  @Test
  void cursorPiecesAgreeWithAddingAtEveryInstantTheyCover() {
    SplittableRandom r = new SplittableRandom(41);
    for (int round = 0; round < 300; round++) {
      WorkCalendar c = randomCalendar(r, "c" + round);
      Timeline fast = new Timeline(c, FROM);
      Timeline plain = new Timeline(c, FROM);
      long seconds = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(3 * 86_400);
      Timeline.Cursor cursor = fast.cursor(seconds);
      long y = FROM.atStartOfDay(ZoneId.of("UTC")).toEpochSecond() + r.nextInt(86_400);
      for (int step = 0; step < 200; step++) {
        cursor.at(y);
        String what = c.id() + " +" + seconds + " at " + y;
        assertEquals(expected(plain, y, seconds), cursor.value, what);
        assertTrue(cursor.end > y, what);
        if (cursor.value != Timeline.NEVER) {
          // inside the piece the value is linear; its last second too
          long span = Math.min(cursor.end, y + 10 * 86_400) - y;
          for (long probe : new long[] {r.nextLong(span), span - 1}) {
            long inside = y + probe;
            long linear = cursor.rising ? cursor.value + probe : cursor.value;
            assertEquals(expected(plain, inside, seconds), linear, what + " probe +" + probe);
          }
        }
        // mostly forwards, to the piece's end or within it; now and then back
        y =
            r.nextInt(10) == 0
                ? y - r.nextInt(86_400)
                : cursor.end != Timeline.NEVER && r.nextBoolean()
                    ? cursor.end
                    : y + r.nextInt(6 * 3_600);
      }
    }
  }

  private static long expected(Timeline plain, long y, long seconds) {
    return seconds == 0 ? plain.worked(y) : plain.add(y, seconds);
  }

  @Test
  void worstCaseEqualsTheWorstOfEveryStartMinute() {
    SplittableRandom r = new SplittableRandom(7);
    int varied = 0;
    for (int round = 0; round < 60; round++) {
      List<WorkCalendar> pool = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        pool.add(randomCalendar(r, "c" + round + "-" + i));
      }
      int legs = 1 + r.nextInt(5);
      List<WorstStart.Leg> fast = new ArrayList<>();
      List<WorstStart.Leg> plain = new ArrayList<>();
      for (int i = 0; i < legs; i++) {
        WorkCalendar c = pool.get(r.nextInt(pool.size()));
        long seconds = r.nextInt(5) == 0 ? 0 : r.nextBoolean() ? 60L * r.nextInt(3_000) : r.nextInt(200_000);
        fast.add(new WorstStart.Leg(new Timeline(c, FROM), seconds));
        plain.add(new WorstStart.Leg(new Timeline(c, FROM), seconds));
      }
      WorkCalendar m = pool.get(r.nextInt(pool.size()));
      boolean business = r.nextBoolean();
      Timeline fastMeasuring = business ? new Timeline(m, FROM) : null;
      Timeline plainMeasuring = business ? new Timeline(m, FROM) : null;
      long from = FROM.atStartOfDay(m.zone()).toEpochSecond() + r.nextInt(3_600);
      long to = from + 60L * (1_440 * (3 + r.nextInt(25)) + r.nextInt(60)) + r.nextInt(60);

      WorstStart.Result got = WorstStart.of(fast, fastMeasuring, from, to);
      long best = Long.MIN_VALUE;
      long bestStart = 0;
      long firstValue = 0;
      boolean constant = true;
      for (long t = ceilMinute(from); t < to; t += 60) {
        long value = WorstStart.measure(plain, plainMeasuring, t);
        if (t == ceilMinute(from)) {
          firstValue = value;
        }
        constant &= value == firstValue;
        if (value >= best) {
          best = value;
          bestStart = t;
        }
      }
      String what = "round " + round + ": " + legs + " legs, business " + business;
      assertEquals(best, got.measure(), what);
      if (got.anyStart()) {
        assertTrue(constant, what + ": every start gives the same figure");
      } else {
        assertEquals(bestStart, got.start(), what + " (the latest worst start)");
        varied++;
      }
      long x = got.start();
      long[] arrivals = new long[legs];
      for (int i = 0; i < legs; i++) {
        arrivals[i] = x;
        x = plain.get(i).timeline().add(x, plain.get(i).seconds());
      }
      assertArrayEquals(arrivals, got.arrivals(), what);
    }
    assertTrue(varied > 30, varied + " of 60 rounds depended on the start");
  }

  @Test
  void aYearOfStartsOnTheBenchmarkCalendars() {
    // the calendars of the generated benchmark corpus: office hours, two shifts, a night desk
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    LocalDate from = LocalDate.of(2026, 11, 22);
    WorkCalendar office =
        TimelineTest.weekdays(berlin, new int[] {9 * 60, 17 * 60}, "2026-12-24", "2026-12-25", "2026-12-26", "2027-01-01");
    int[][] nights = new int[7][];
    int[][] shifts = new int[7][];
    for (int d = 0; d < 7; d++) {
      nights[d] = d < 5 ? new int[] {0, 6 * 60, 22 * 60, 24 * 60} : d == 5 ? new int[] {0, 6 * 60} : new int[0];
      shifts[d] = d < 6 ? new int[] {6 * 60, 14 * 60, 14 * 60, 22 * 60} : new int[0];
    }
    WorkCalendar night = new WorkCalendar("night-desk", tokyo, nights, new TreeSet<>(), false);
    WorkCalendar shift = new WorkCalendar("warehouse", ZoneId.of("Europe/London"), shifts, new TreeSet<>(), false);
    List<WorkCalendar> chain = List.of(office, night, shift, office);
    long[] seconds = {5 * 3_600 + 17 * 60, 11 * 3_600, 3 * 3_600 + 30, 9 * 3_600};
    List<WorstStart.Leg> fast = new ArrayList<>();
    List<WorstStart.Leg> plain = new ArrayList<>();
    for (int i = 0; i < chain.size(); i++) {
      fast.add(new WorstStart.Leg(new Timeline(chain.get(i), from), seconds[i]));
      plain.add(new WorstStart.Leg(new Timeline(chain.get(i), from), seconds[i]));
    }
    long start = from.atStartOfDay(berlin).toEpochSecond();
    long end = from.plusYears(1).atStartOfDay(berlin).toEpochSecond();
    for (boolean business : new boolean[] {false, true}) {
      Timeline measuring = business ? new Timeline(office, from) : null;
      WorstStart.Result got = WorstStart.of(fast, measuring, start, end);
      long best = Long.MIN_VALUE;
      long bestStart = 0;
      Timeline plainMeasuring = business ? new Timeline(office, from) : null;
      for (long t = start; t < end; t += 60) {
        long value = WorstStart.measure(plain, plainMeasuring, t);
        if (value >= best) {
          best = value;
          bestStart = t;
        }
      }
      assertEquals(best, got.measure(), "business " + business);
      assertEquals(bestStart, got.start(), "business " + business);
    }
  }

  private static long ceilMinute(long t) {
    long rest = Math.floorMod(t, 60);
    return rest == 0 ? t : t + 60 - rest;
  }
}
