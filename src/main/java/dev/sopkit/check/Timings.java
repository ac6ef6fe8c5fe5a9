package dev.sopkit.check;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the time of one run went, phase by phase, for {@code sop validate --verbose} and the
 * benchmark: a slow run then says whether start-up, reading, the cache or the cross-file rules cost
 * it. Phases are marked from one thread, in order; each lasts from the previous mark to its own.
 */
public final class Timings {
  private static final List<String> NAMES = new ArrayList<>();
  private static final List<Long> NANOS = new ArrayList<>();
  private static long started;
  private static long last;
  private static boolean resident;
  private static final Map<String, Long> RULES = new HashMap<>();

  private Timings() {}

  /** Starts a run (the first line of main): what came before is the JVM's start-up. */
  public static synchronized void start() {
    NAMES.clear();
    NANOS.clear();
    RULES.clear();
    started = System.nanoTime();
    last = started;
    resident = false;
  }

  /** Starts a run in the daemon, whose JVM started long before: there is no start-up to show. */
  public static synchronized void startInDaemon() {
    start();
    resident = true;
  }

  /** Forgets the current run, for tests: later marks record nothing until {@link #start}. */
  static synchronized void reset() {
    NAMES.clear();
    NANOS.clear();
    RULES.clear();
    started = 0;
    last = 0;
    resident = false;
  }

  /**
   * Ends the phase called {@code name}, which began at the previous mark. Does nothing in a run
   * that {@link #start} did not begin (commands run in-process by tests), so nothing accumulates.
   */
  public static synchronized void mark(String name) {
    if (started == 0) {
      return;
    }
    long now = System.nanoTime();
    NAMES.add(name);
    NANOS.add(now - last);
    last = now;
  }

  /** Notes how long a cross-file rule took, from any thread; nothing outside a started run. */
  public static synchronized void rule(String id, long nanos) {
    if (started != 0) {
      RULES.merge(id, nanos, Long::sum);
    }
  }

  /**
   * The rules that took a millisecond or more, slowest first: {@code unconsumed-output 41 ms,
   * unknown-reference 30 ms, ...}. They run side by side on every core, so the times add up to
   * more than the phase, and a rule that waits for a graph another one is building counts the
   * wait. Empty when no rule took that long or the run was not started.
   */
  public static synchronized String describeRules() {
    return RULES.entrySet().stream()
        .filter(e -> e.getValue() >= 1_000_000)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(e -> e.getKey() + " " + e.getValue() / 1_000_000 + " ms")
        .collect(Collectors.joining(", "));
  }

  /**
   * One line: {@code JVM start-up 80 ms, command line 105 ms, list 70 ms, files 610 ms, ...}. The
   * JVM's own clock says how long it ran before {@link #start}; it is read only here, so that a run
   * without {@code --verbose} does not load the management classes. Empty in a run {@link #start}
   * did not begin.
   */
  public static synchronized String describe() {
    if (started == 0) {
      return "";
    }
    StringBuilder s = new StringBuilder();
    if (resident) {
      s.append("in the daemon");
    } else {
      long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
      long sinceStart = (System.nanoTime() - started) / 1_000_000;
      s.append(String.format(Locale.ROOT, "JVM start-up %d ms", Math.max(0, uptime - sinceStart)));
    }
    for (int i = 0; i < NAMES.size(); i++) {
      s.append(i == 0 && resident ? ": " : ", ")
          .append(NAMES.get(i))
          .append(String.format(Locale.ROOT, " %d ms", NANOS.get(i) / 1_000_000));
    }
    return s.toString();
  }
}
