package dev.sopkit.diag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which findings a change introduced. A finding is the same before and after when its rule, file,
 * SOP, artifact and message are: not its line, which moves whenever lines are added above it.
 * Findings are counted, so a second copy of an old problem is still new.
 */
public final class NewFindings {
  private NewFindings() {}

  /**
   * @param added findings only in {@code after}, in its order
   * @param fixed how many findings of {@code before} are gone
   * @param unchanged how many are in both
   */
  public record Split(List<Diagnostic> added, int fixed, int unchanged) {}

  private record Key(String rule, String file, String sop, String artifact, String message) {
    static Key of(Diagnostic d) {
      return new Key(d.rule(), d.file(), d.sop(), d.artifact(), d.message());
    }
  }

  public static Split between(List<Diagnostic> before, List<Diagnostic> after) {
    Map<Key, Integer> left = new HashMap<>();
    before.forEach(d -> left.merge(Key.of(d), 1, Integer::sum));
    List<Diagnostic> added = new ArrayList<>();
    int unchanged = 0;
    for (Diagnostic d : after) {
      Key k = Key.of(d);
      int n = Objects.requireNonNullElse(left.get(k), 0);
      if (n > 0) {
        left.put(k, n - 1);
        unchanged++;
      } else {
        added.add(d);
      }
    }
    int fixed = left.values().stream().mapToInt(Integer::intValue).sum();
    return new Split(List.copyOf(added), fixed, unchanged);
  }
}
