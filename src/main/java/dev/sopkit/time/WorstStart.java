package dev.sopkit.time;

import java.util.Arrays;
import java.util.List;

/**
 * The exact worst case of a chain of work over start instants: which start, in a horizon of whole
 * minutes, makes the measured time from the start to the end of the chain longest.
 *
 * <p>Each leg adds working time on its calendar ({@link Timeline#add}); the finish is their
 * composition {@code F}. Adding work is nondecreasing and piecewise linear in the instant it
 * starts, with slope 0 or 1 and upward jumps ({@link Timeline.Cursor}), so {@code F} is too, and
 * it is built exactly as a list of such pieces, leg after leg, each piece of one leg's finishes
 * split where the next leg's calendar changes. The measure is {@code F(t) - t} (elapsed) or the
 * working time between {@code t} and {@code F(t)} on the measuring calendar, {@code W(F(t)) -
 * W(t)}: piecewise linear again, with slopes -1, 0 or 1, so over the minutes of one piece the
 * maximum is at its first or last minute. No start is sampled and none is missed. With no
 * calendar boundary (every calendar continuous) any start gives the same figure. Of starts that
 * tie, the latest is reported: the last moment at which the request still meets the worst case
 * (Friday 16:30 rather than Thursday 16:30 when both wait for the same Monday).
 */
public final class WorstStart {
  private static final long MINUTE = 60;
  private static final long NEVER = Timeline.NEVER;

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
    // the starts themselves: t -> t on [first, last + 1)
    Pieces starts = new Pieces(last + 1);
    starts.add(first, first, true);
    Pieces finish = starts;
    for (Leg leg : legs) {
      if (leg.seconds() > 0) { // no work takes no time, whatever the calendar
        finish = compose(finish, leg.timeline(), leg.seconds());
      }
    }
    long best;
    if (measuring == null || measuring.continuous()) {
      best = latestMax(finish, starts);
    } else {
      best = latestMax(compose(finish, measuring, 0), compose(starts, measuring, 0));
    }
    return evaluate(legs, measuring, best, false);
  }

  /** The measured time for one start (brute force and tests use it too). */
  public static long measure(List<Leg> legs, Timeline measuring, long t) {
    long x = t;
    for (Leg leg : legs) {
      x = leg.timeline().add(x, leg.seconds());
    }
    if (x == NEVER) {
      return NEVER;
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
    long m = x == NEVER ? NEVER : measuring == null ? x - t : measuring.between(t, x);
    return new Result(t, m, arrivals, finishes, anyStart);
  }

  /**
   * {@code g} followed by {@code seconds} of work on {@code tl} ({@code y -> tl.add(y, seconds)},
   * seconds positive), or by the working time {@code y -> W(y)} on {@code tl} when {@code seconds}
   * is zero.
   */
  private static Pieces compose(Pieces g, Timeline tl, long seconds) {
    Pieces out = new Pieces(g.end);
    boolean worked = seconds == 0;
    if (!worked && tl.continuous()) {
      for (int i = 0; i < g.size; i++) {
        long y = g.y[i];
        long r = y + seconds;
        out.add(g.x[i], y == NEVER || r < y ? NEVER : r, g.rising[i] && y != NEVER && r >= y);
      }
      return out;
    }
    Timeline.Cursor f = tl.cursor(seconds);
    for (int i = 0; i < g.size; i++) {
      long x0 = g.x[i];
      long y0 = g.y[i];
      if (y0 == NEVER) {
        out.add(x0, NEVER, false);
        return out; // nondecreasing: never from here on
      }
      if (!g.rising[i]) {
        f.at(y0);
        out.add(x0, f.value, false);
        continue;
      }
      long yEnd = y0 + (g.endOf(i) - x0);
      for (long y = y0; y < yEnd; y = Math.min(f.end, yEnd)) {
        f.at(y);
        out.add(x0 + (y - y0), f.value, f.rising);
        if (f.value == NEVER) {
          return out;
        }
      }
    }
    return out;
  }

  /**
   * The latest minute start at which {@code p(t) - q(t)} is largest (NEVER in {@code p} counts as
   * the largest of all).
   */
  private static long latestMax(Pieces p, Pieces q) {
    long best = Long.MIN_VALUE;
    long bestStart = p.x[0];
    int i = 0;
    int j = 0;
    long x = p.x[0];
    while (x < p.end) {
      while (i + 1 < p.size && p.x[i + 1] <= x) {
        i++;
      }
      while (j + 1 < q.size && q.x[j + 1] <= x) {
        j++;
      }
      long next = Math.min(p.endOf(i), q.endOf(j));
      long lo = ceilMinute(x);
      long hi = next - 1 - Math.floorMod(next - 1, MINUTE);
      if (lo <= hi) {
        long value;
        long t;
        if (p.y[i] == NEVER) {
          value = NEVER;
          t = hi;
        } else {
          int slope = (p.rising[i] ? 1 : 0) - (q.rising[j] ? 1 : 0);
          t = slope < 0 ? lo : hi;
          value = p.at(i, t) - q.at(j, t);
        }
        if (value >= best) {
          best = value;
          bestStart = t;
        }
      }
      x = next;
    }
    return bestStart;
  }

  private static long ceilMinute(long t) {
    long r = Math.floorMod(t, MINUTE);
    return r == 0 ? t : t + MINUTE - r;
  }

  /**
   * A nondecreasing function of the start, piecewise linear: on {@code [x[i], x[i + 1])} (the last
   * piece up to {@code end}) its value is {@code y[i]}, plus {@code t - x[i]} when {@code
   * rising[i]}. NEVER is flat.
   */
  private static final class Pieces {
    final long end;
    long[] x = new long[64];
    long[] y = new long[64];
    boolean[] rising = new boolean[64];
    int size;

    Pieces(long end) {
      this.end = end;
    }

    /** Where piece {@code i} ends: where the next starts, or {@link #end}. */
    long endOf(int i) {
      return i + 1 < size ? x[i + 1] : end;
    }

    long at(int i, long t) {
      return rising[i] ? y[i] + (t - x[i]) : y[i];
    }

    /** Starts a piece at {@code x0}, unless it only continues the last one. */
    void add(long x0, long y0, boolean up) {
      if (size > 0 && rising[size - 1] == up) {
        long last = y[size - 1];
        if (y0 == NEVER ? last == NEVER : last != NEVER && at(size - 1, x0) == y0) {
          return;
        }
      }
      if (size == x.length) {
        x = Arrays.copyOf(x, size * 2);
        y = Arrays.copyOf(y, size * 2);
        rising = Arrays.copyOf(rising, size * 2);
      }
      x[size] = x0;
      y[size] = y0;
      rising[size] = up;
      size++;
    }
  }
}
