package dev.sopkit.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;

/**
 * A calendar's working intervals on the time line (epoch seconds), from an origin date onwards,
 * generated as far as they are asked for, with the working time before each interval so that
 * every question is a binary search. Intervals that touch (22:00-24:00 and 00:00-06:00 the next
 * day) are one interval: work runs on across midnight. Work runs while the zone's wall clock reads
 * inside a range, so a range across a DST change is an hour shorter or longer in real time.
 *
 * <p>Working time {@code W(t)} is the working seconds between the origin and {@code t}. Adding
 * {@code d} of work at {@code t} ends at the earliest instant {@code s} with {@code W(s) = W(t) +
 * d}: work that ends with the day ends at closing time, not the next morning. Not thread-safe:
 * each analysis builds its own.
 */
public final class Timeline {
  /** No calendar has working time this far ahead of what was asked: the work never ends. */
  public static final long NEVER = Long.MAX_VALUE;

  private static final int MAX_YEARS = 30;

  private final WorkCalendar calendar;
  private final long origin;
  private final boolean continuous;
  private final LocalDate limit;
  private LocalDate next; // the first date not generated yet
  private long[] starts = new long[64];
  private long[] ends = new long[64];
  private long[] before = new long[64]; // working seconds before interval i
  private int size;

  /**
   * The working intervals of {@code calendar} from local midnight of {@code from} on (two days
   * earlier in fact, so that a start at midnight in a zone ahead of this one is covered).
   */
  public Timeline(WorkCalendar calendar, LocalDate from) {
    this.calendar = calendar;
    this.next = from.minusDays(2);
    this.origin = next.atStartOfDay(calendar.zone()).toEpochSecond();
    this.limit = from.plusYears(MAX_YEARS);
    this.continuous = calendar.continuous();
  }

  public WorkCalendar calendar() {
    return calendar;
  }

  /** Working time is elapsed time: no interval arithmetic needed. */
  public boolean continuous() {
    return continuous;
  }

  /** The instant {@code seconds} of work after {@code t} (NEVER if the calendar never works). */
  public long add(long t, long seconds) {
    if (seconds <= 0 || t == NEVER) {
      return t;
    }
    if (continuous()) {
      return saturated(t, seconds);
    }
    long target = saturated(worked(t), seconds);
    while (total() < target) {
      if (!grow()) {
        return NEVER;
      }
    }
    int i = earliestIndexWith(target);
    return starts[i] + (target - before[i]);
  }

  /** Working seconds between {@code a} and {@code b} ({@code a <= b}). */
  public long between(long a, long b) {
    if (b == NEVER) {
      return NEVER;
    }
    if (continuous()) {
      return b - a;
    }
    return worked(b) - worked(a);
  }

  /**
   * A cursor over {@code y -> add(y, seconds)} (or over {@code y -> W(y)} when {@code seconds} is
   * zero), for instants asked in nondecreasing order: {@link Cursor#at} gives the value at {@code
   * y}, its slope and where that linear piece ends, at amortised constant cost (it walks the
   * intervals forwards instead of searching them).
   */
  Cursor cursor(long seconds) {
    return new Cursor(seconds);
  }

  /**
   * One linear piece of a function of the instant: on {@code [y, end)} the value is {@code value +
   * (rising ? t - y : 0)}. Adding work is nondecreasing, continuous while the work both starts and
   * ends inside working intervals, flat while it starts outside one, and jumps where the end would
   * fall on a closing time: work that ends with the day ends at closing time, one second more of
   * it ends one second after the next opening.
   */
  final class Cursor {
    private final long seconds;
    private int k = -1; // the last interval starting at or before the instant asked
    private int j; // the first interval whose end has accumulated the target working time
    long value;
    boolean rising;
    long end;

    private Cursor(long seconds) {
      this.seconds = seconds;
    }

    void at(long y) {
      if (continuous()) {
        value = seconds == 0 ? y - origin : saturated(y, seconds);
        rising = value != NEVER;
        end = NEVER;
        return;
      }
      while ((size == 0 || starts[size - 1] <= y) && grow()) {
        // generate until an interval starts after y, so that a gap's end is known
      }
      if (k >= 0 && starts[k] > y) {
        k = lastStartingBefore(y + 1);
      }
      while (k + 1 < size && starts[k + 1] <= y) {
        k++;
      }
      boolean working = k >= 0 && y < ends[k];
      long w = k < 0 ? 0 : working ? before[k] + y - starts[k] : cumulative(k);
      long gapEnd = k + 1 < size ? starts[k + 1] : NEVER;
      if (seconds == 0) {
        value = w;
        rising = working;
        end = working ? ends[k] : gapEnd;
        return;
      }
      long v = saturated(w, seconds);
      if (!reach(v)) {
        value = NEVER;
        rising = false;
        end = NEVER;
        return;
      }
      value = starts[j] + (v - before[j]);
      rising = working;
      // a working piece ends at closing time or one second after the work would end at one
      end = working ? Math.min(ends[k], y + cumulative(j) - v + 1) : gapEnd;
    }

    /** Moves j to the first interval that accumulates {@code v}; false if none ever does. */
    private boolean reach(long v) {
      while (total() < v) {
        if (!grow()) {
          return false;
        }
      }
      if (j > 0 && cumulative(j - 1) >= v) {
        j = earliestIndexWith(v);
      }
      while (cumulative(j) < v) {
        j++;
      }
      return true;
    }
  }

  /** W(t): working seconds from the origin to {@code t}. */
  long worked(long t) {
    if (t <= origin) {
      return 0;
    }
    while (size == 0 || ends[size - 1] < t) {
      if (!grow()) {
        break;
      }
    }
    int i = lastStartingBefore(t);
    if (i < 0) {
      return 0;
    }
    return before[i] + Math.min(t, ends[i]) - starts[i];
  }

  /**
   * Interval starts and ends in {@code [from, to]}, in order (none for continuous time): where a
   * department opens and closes, for the handbook's journey timeline.
   */
  public long[] boundaries(long from, long to) {
    if (continuous()) {
      return new long[0];
    }
    long end = Math.min(to, origin + MAX_YEARS * 366L * 86_400);
    while ((size == 0 || ends[size - 1] <= end) && grow()) {
      // generate up to end
    }
    int i = firstEndingAfter(from - 1);
    long[] out = new long[16];
    int n = 0;
    for (; i < size && starts[i] <= end; i++) {
      for (long b : new long[] {starts[i], ends[i]}) {
        if (b >= from && b <= end) {
          if (n == out.length) {
            out = Arrays.copyOf(out, n * 2);
          }
          out[n++] = b;
        }
      }
    }
    return Arrays.copyOf(out, n);
  }

  private int firstEndingAfter(long t) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ends[mid] > t) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** The first interval whose end has accumulated {@code v} of work (v reached). */
  private int earliestIndexWith(long v) {
    int lo = 0;
    int hi = size - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative(mid) >= v) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** Working seconds from the origin to the end of interval {@code i}. */
  private long cumulative(int i) {
    return before[i] + ends[i] - starts[i];
  }

  /** Index of the last interval starting before {@code t} (strictly), or -1. */
  private int lastStartingBefore(long t) {
    int lo = 0;
    int hi = size - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (starts[mid] < t) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  private long total() {
    return size == 0 ? 0 : cumulative(size - 1);
  }

  /** Generates the next 32 days; false once the calendar is known never to work again. */
  private boolean grow() {
    if (!calendar.works() || !next.isBefore(limit)) {
      return false;
    }
    for (int k = 0; k < 32 && next.isBefore(limit); k++, next = next.plusDays(1)) {
      if (calendar.holiday(next)) {
        continue;
      }
      DayOfWeek day = next.getDayOfWeek();
      int[] ranges = calendar.ranges(day);
      for (int i = 0; i < ranges.length; i += 2) {
        appendRange(next, ranges[i], ranges[i + 1]);
      }
    }
    return true;
  }

  /**
   * Appends the instants at which the wall clock reads inside {@code [from, to)} minutes of
   * {@code date}. Across a DST change that is not one interval: a time skipped by the change is
   * never read (09:00-17:00 on a spring-forward day loses nothing, 02:30-06:00 starts at 03:00),
   * and a time read twice is worked twice (00:00-06:00 lasts 7 hours when the clocks go back).
   */
  private void appendRange(LocalDate date, int from, int to) {
    LocalDateTime a = local(date, from);
    LocalDateTime b = local(date, to);
    ZoneRules rules = calendar.zone().getRules();
    ZoneOffsetTransition change =
        rules.nextTransition(Instant.ofEpochSecond(a.toEpochSecond(ZoneOffset.MAX) - 1));
    if (change == null || change.getInstant().getEpochSecond() >= b.toEpochSecond(ZoneOffset.MIN)) {
      ZoneOffset offset = rules.getOffset(a);
      append(a.toEpochSecond(offset), b.toEpochSecond(offset));
      return;
    }
    long at = change.getInstant().getEpochSecond();
    append(
        a.toEpochSecond(change.getOffsetBefore()),
        Math.min(b.toEpochSecond(change.getOffsetBefore()), at));
    append(
        Math.max(a.toEpochSecond(change.getOffsetAfter()), at),
        b.toEpochSecond(change.getOffsetAfter()));
  }

  private static LocalDateTime local(LocalDate date, int minutes) {
    return minutes == 1440
        ? date.plusDays(1).atStartOfDay()
        : date.atTime(LocalTime.of(minutes / 60, minutes % 60));
  }

  private void append(long start, long end) {
    if (end <= start) {
      return; // nothing of the range is read on the clock on this side of a DST change
    }
    if (size > 0 && start <= ends[size - 1]) {
      ends[size - 1] = Math.max(ends[size - 1], end);
      return;
    }
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
      before = Arrays.copyOf(before, size * 2);
    }
    before[size] = total();
    starts[size] = start;
    ends[size] = end;
    size++;
  }

  private static long saturated(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? NEVER : r;
  }
}
