package dev.sopkit.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many files each fast path handled, and why the others left it: the YAML subset reader
 * (the rest goes to snakeyaml) and the compiled schema verdict (the rest goes to networknt). {@code
 * sop validate --verbose} prints both, and the benchmark shows them, so that a slow corpus says
 * which construct or keyword costs it the fast path. Counting costs one uncontended add per file.
 */
public final class FastPathStats {
  public static final Tally YAML = new Tally("YAML reader", "snakeyaml");
  public static final Tally SCHEMA = new Tally("schema verdict", "networknt");

  private FastPathStats() {}

  /** Starts counting afresh (one run of a command). */
  public static void reset() {
    YAML.reset();
    SCHEMA.reset();
  }

  /** The counts of one fast path. */
  public static final class Tally {
    private final String name;
    private final String fallback;
    private final LongAdder taken = new LongAdder();
    private final Map<String, LongAdder> left = new ConcurrentHashMap<>();

    Tally(String name, String fallback) {
      this.name = name;
      this.fallback = fallback;
    }

    /** A file the fast path handled. */
    public void took() {
      taken.increment();
    }

    /** A file left to the fallback, and why. */
    public void left(String why) {
      left.computeIfAbsent(why, k -> new LongAdder()).increment();
    }

    public long taken() {
      return taken.sum();
    }

    /** Files left to the fallback per reason, the most frequent first. */
    public List<Map.Entry<String, Long>> reasons() {
      List<Map.Entry<String, Long>> out = new ArrayList<>();
      left.forEach((why, n) -> out.add(Map.entry(why, n.sum())));
      out.sort(
          Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
      return out;
    }

    void reset() {
      taken.reset();
      left.clear();
    }

    /**
     * One line: {@code YAML reader: 9800 of 10001 files, 201 to snakeyaml (120 a flow collection over
     * several lines, 81 ...)}.
     */
    public String describe() {
      List<Map.Entry<String, Long>> reasons = reasons();
      long out = reasons.stream().mapToLong(Map.Entry::getValue).sum();
      long all = taken() + out;
      StringBuilder s =
          new StringBuilder(
              String.format(Locale.ROOT, "%s: %d of %d files, %d to %s", name, taken(), all, out, fallback));
      if (!reasons.isEmpty()) {
        s.append(" (");
        for (int i = 0; i < reasons.size(); i++) {
          s.append(i == 0 ? "" : "; ").append(reasons.get(i).getValue()).append(' ').append(reasons.get(i).getKey());
        }
        s.append(')');
      }
      return s.toString();
    }
  }
}
