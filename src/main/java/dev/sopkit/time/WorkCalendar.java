package dev.sopkit.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The hours a department works: a time zone, time ranges per day of the week (minutes from local
 * midnight, end exclusive, at most 1440) and holidays. Immutable; {@link Timeline} turns it into
 * working intervals on the time line.
 */
public final class WorkCalendar {
  /** Round the clock in UTC: what every department works when no calendar is declared. */
  public static final WorkCalendar ALWAYS_UTC =
      new WorkCalendar("24/7", ZoneOffset.UTC, allWeekRanges(), new TreeSet<>(), true);

  private static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

  private final String id;
  private final ZoneId zone;
  private final int[][] week; // index 0 = Monday; pairs start, end (minutes), sorted, disjoint
  private final SortedSet<LocalDate> holidays;
  private final boolean allWeek;
  private final long dayLength; // asked for every SOP and handoff of a promise's search

  /**
   * @param week per day of the week from Monday, the ranges as {start, end, start, end, ...} in
   *     minutes from midnight, sorted and not overlapping
   */
  public WorkCalendar(
      String id, ZoneId zone, int[][] week, SortedSet<LocalDate> holidays, boolean allWeek) {
    this.id = id;
    this.zone = zone;
    this.week = new int[7][];
    for (int d = 0; d < 7; d++) {
      this.week[d] = week[d].clone();
    }
    this.holidays = new TreeSet<>(holidays);
    this.allWeek = allWeek;
    this.dayLength = usualDay(this.week);
  }

  static int[][] allWeekRanges() {
    int[][] week = new int[7][];
    Arrays.fill(week, new int[] {0, 1440});
    return week;
  }

  public String id() {
    return id;
  }

  public ZoneId zone() {
    return zone;
  }

  /** Worked round the clock every day with no holiday: working time is elapsed time. */
  public boolean continuous() {
    return allWeek && holidays.isEmpty();
  }

  /** The ranges of one day of the week, as {start, end, ...} minutes from midnight. */
  int[] ranges(DayOfWeek day) {
    return week[day.getValue() - 1];
  }

  /** The working ranges of one day of the week, {start, end, ...} minutes from midnight (a copy). */
  public int[] dayRanges(DayOfWeek day) {
    return ranges(day).clone();
  }

  /** The holidays, in date order. */
  public SortedSet<LocalDate> holidays() {
    return java.util.Collections.unmodifiableSortedSet(holidays);
  }

  boolean holiday(LocalDate date) {
    return holidays.contains(date);
  }

  /** Whether any day of the week has working hours. */
  public boolean works() {
    for (int[] day : week) {
      if (day.length > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * How many seconds of work one working day ({@code P1D}) is: the working time of the calendar's
   * usual day (the most frequent daily total in its week, the longer one on a tie), so that P1D
   * ends at the same clock time on the next working day. 24 hours for 24/7.
   */
  public long dayLength() {
    return dayLength;
  }

  private static long usualDay(int[][] week) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int[] day : week) {
      int total = 0;
      for (int i = 0; i < day.length; i += 2) {
        total += day[i + 1] - day[i];
      }
      if (total > 0) {
        counts.merge(total, 1, Integer::sum);
      }
    }
    int best = 0;
    int bestCount = 0;
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() > best)) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best * 60L;
  }

  /**
   * The calendar in a few words, as messages show it: {@code mon-fri 09:00-17:00, holidays
   * 2026-12-24..26}. Days with the same hours are grouped; only holidays from {@code from} to
   * {@code until} (inclusive) are listed, at most five runs of consecutive dates.
   */
  public String summary(LocalDate from, LocalDate until) {
    StringBuilder out = new StringBuilder();
    if (allWeek) {
      out.append("24/7");
    } else {
      List<String> groups = new ArrayList<>();
      int d = 0;
      while (d < 7) {
        int e = d;
        while (e + 1 < 7 && Arrays.equals(week[e + 1], week[d])) {
          e++;
        }
        if (week[d].length > 0) {
          StringBuilder g = new StringBuilder(DAYS[d]);
          if (e > d) {
            g.append('-').append(DAYS[e]);
          }
          for (int i = 0; i < week[d].length; i += 2) {
            g.append(' ').append(clock(week[d][i])).append('-').append(clock(week[d][i + 1]));
          }
          groups.add(g.toString());
        }
        d = e + 1;
      }
      out.append(groups.isEmpty() ? "no working hours" : String.join(", ", groups));
    }
    List<String> runs = new ArrayList<>();
    LocalDate runStart = null;
    LocalDate prev = null;
    int more = 0;
    for (LocalDate h : holidays.subSet(from, until.plusDays(1))) {
      if (prev != null && h.equals(prev.plusDays(1))) {
        prev = h;
        continue;
      }
      if (runStart != null) {
        if (runs.size() < 5) {
          runs.add(run(runStart, prev));
        } else {
          more++;
        }
      }
      runStart = h;
      prev = h;
    }
    if (runStart != null) {
      if (runs.size() < 5) {
        runs.add(run(runStart, prev));
      } else {
        more++;
      }
    }
    if (!runs.isEmpty()) {
      out.append(", holidays ").append(String.join(", ", runs));
      if (more > 0) {
        out.append(" and ").append(more).append(" more");
      }
    }
    return out.toString();
  }

  private static String run(LocalDate a, LocalDate b) {
    if (a.equals(b)) {
      return a.toString();
    }
    String end =
        a.getYear() != b.getYear()
            ? b.toString()
            : a.getMonth() != b.getMonth()
                ? b.toString().substring(5)
                : b.toString().substring(8);
    return a + ".." + end;
  }

  static String clock(int minutes) {
    return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
  }
}
