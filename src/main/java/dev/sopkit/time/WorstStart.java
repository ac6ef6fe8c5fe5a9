package dev.sopkit.time;

import java.util.Arrays;
import java.util.List;

/**
 * The exact worst case of a chain of work over start instants: which start, in a horizon of whole
 * minutes, makes the measured time from the start to the end of the chain longest.
 *
 * <p>Each leg adds working time on its calendar ({@link Timeline#add}); the finish is their
 * composition {@code F}. The measure is {@code F(t) - t} (elapsed) or the working time between
 * {@code t} and {@code F(t)} on the measuring calendar. Both are piecewise linear in {@code t}
 * with slopes -1, 0 or 1 between breakpoints, so the maximum over the minutes of a piece is at
 * one of its ends. The breakpoints are the calendar boundaries each leg can meet (and the
 * instants where a leg's end meets one) pulled back through the legs before it, plus the
 * boundaries of the measuring calendar at both ends; only the minutes next to them are evaluated.
 * With no boundary (every calendar continuous) any start gives the same figure. Of starts that
 * tie, the latest is reported: the last moment at which the request still meets the worst case
 * (Friday 16:30 rather than Thursday 16:30 when both wait for the same Monday).
 */
public final class WorstStart {
  private static final long MINUTE = 60;

  /** One leg: {@code seconds} of working time on {@code timeline}. */
  public record Leg(Timeline timeline, long seconds) {}

  /**
   * The worst start.
   *
   * @param start the start instant (epoch seconds) that gives the worst case
   * @param measure the measured time from that start to the finish (seconds, NEVER if unbounded)
   * @param arrivals when each leg begins, for that start
   * @param finishes when each leg ends, for that start
   * @param anyStart true when every start gives the same figure (nothing depends on a calendar)
   */
  public record Result(
      long start, long measure, long[] arrivals, long[] finishes, boolean anyStart) {}

  private WorstStart() {}

  /**
   * The worst case of {@code legs} over the minutes in {@code [from, to)}, measured as elapsed
   * time ({@code measuring} null) or as working time on {@code measuring}.
   */
  public static Result of(List<Leg> legs, Timeline measuring, long from, long to) {
    long first = ceilMinute(from);
    long last = ceilMinute(to) - MINUTE;
    boolean constant = measuring == null || measuring.continuous();
    for (Leg leg : legs) {
      constant &= leg.timeline().continuous();
    }
    if (constant || last < first) {
      return evaluate(legs, measuring, first, true);
    }
    long[] candidates = candidates(legs, measuring, first, last);
    Result best = null;
    for (long c : candidates) {
      long base = c - Math.floorMod(c, MINUTE);
      for (long t = base - MINUTE; t <= base + MINUTE; t += MINUTE) {
        if (t < first || t > last) {
          continue;
        }
        long m = measure(legs, measuring, t);
        if (best == null || m > best.measure() || m == best.measure() && t > best.start()) {
          best = new Result(t, m, null, null, false);
        }
      }
    }
    return evaluate(legs, measuring, best.start(), false);
  }

  /** The measured time for one start (brute force and tests use it too). */
  public static long measure(List<Leg> legs, Timeline measuring, long t) {
    long x = t;
    for (Leg leg : legs) {
      x = leg.timeline().add(x, leg.seconds());
    }
    if (x == Timeline.NEVER) {
      return Timeline.NEVER;
    }
    return measuring == null ? x - t : measuring.between(t, x);
  }

  private static Result evaluate(List<Leg> legs, Timeline measuring, long t, boolean anyStart) {
    long[] arrivals = new long[legs.size()];
    long[] finishes = new long[legs.size()];
    long x = t;
    for (int i = 0; i < legs.size(); i++) {
      arrivals[i] = x;
      x = legs.get(i).timeline().add(x, legs.get(i).seconds());
      finishes[i] = x;
    }
    long m =
        x == Timeline.NEVER ? Timeline.NEVER : measuring == null ? x - t : measuring.between(t, x);
    return new Result(t, m, arrivals, finishes, anyStart);
  }

  /** Start instants at which the measure may change slope, sorted, without duplicates. */
  static long[] candidates(List<Leg> legs, Timeline measuring, long first, long last) {
    LongList out = new LongList();
    out.add(first);
    out.add(last);
    // the range of instants at which each leg can begin, for starts in [first, last]
    long lo = first;
    long hi = last;
    for (int i = 0; i < legs.size(); i++) {
      Leg leg = legs.get(i);
      Timeline tl = leg.timeline();
      if (!tl.continuous() && lo != Timeline.NEVER) {
        long upto = hi == Timeline.NEVER ? lo + 400L * 86_400 : hi;
        for (long b : tl.boundaries(lo, upto)) {
          out.add(pullBack(legs, i, b));
        }
        // where this leg's end meets a boundary, pulled back to the arrival that causes it
        long endHi = tl.add(hi, leg.seconds());
        for (long b : tl.boundaries(tl.add(lo, leg.seconds()), endHi)) {
          out.add(pullBack(legs, i, tl.pullBack(b, leg.seconds())));
        }
      }
      lo = tl.add(lo, leg.seconds());
      hi = tl.add(hi, leg.seconds());
    }
    if (measuring != null && !measuring.continuous()) {
      for (long b : measuring.boundaries(first, last)) {
        out.add(b);
      }
      if (lo != Timeline.NEVER) {
        long upto = hi == Timeline.NEVER ? lo + 400L * 86_400 : hi;
        for (long b : measuring.boundaries(lo, upto)) {
          out.add(pullBack(legs, legs.size(), b));
        }
      }
    }
    long[] all = out.toArray();
    Arrays.sort(all);
    int n = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        all[n++] = all[i];
      }
    }
    return Arrays.copyOf(all, n);
  }

  /** The start instant at which the work reaching leg {@code upto} arrives at {@code x}. */
  private static long pullBack(List<Leg> legs, int upto, long x) {
    for (int j = upto - 1; j >= 0 && x != Timeline.NEVER; j--) {
      x = legs.get(j).timeline().pullBack(x, legs.get(j).seconds());
    }
    return x;
  }

  private static long ceilMinute(long t) {
    long r = Math.floorMod(t, MINUTE);
    return r == 0 ? t : t + MINUTE - r;
  }

  /** A growable list of longs, to keep tens of thousands of candidates unboxed. */
  private static final class LongList {
    private long[] items = new long[256];
    private int size;

    void add(long v) {
      if (v == Timeline.NEVER) {
        return;
      }
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = v;
    }

    long[] toArray() {
      return Arrays.copyOf(items, size);
    }
  }
}
