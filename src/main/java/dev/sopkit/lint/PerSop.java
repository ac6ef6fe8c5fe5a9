package dev.sopkit.lint;

import dev.sopkit.model.Sop;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a rule finds in one SOP on its own, remembered for the SOP objects of the last run. The
 * daemon hands the next run the very objects of the files that did not change (models are never
 * changed once built), so the rule's work there is one identity lookup per file; a run of its own
 * computes every SOP once, as without it. Only the last run's objects are kept, and runs that
 * overlap at worst compute some SOPs again: the function must depend on the SOP alone.
 *
 * @param <T> what is found in one SOP; immutable
 */
public final class PerSop<T> {
  private final Function<Sop, T> find;
  private volatile Map<Sop, T> last = new IdentityHashMap<>();

  public PerSop(Function<Sop, T> find) {
    this.find = find;
  }

  /** What is found in each of {@code sops}, in their order. */
  public List<T> of(List<Sop> sops) {
    Map<Sop, T> before = last;
    Map<Sop, T> now = new IdentityHashMap<>(sops.size() * 2);
    List<T> out = new ArrayList<>(sops.size());
    for (Sop sop : sops) {
      T found = before.get(sop);
      if (found == null) {
        found = find.apply(sop);
      }
      now.put(sop, found);
      out.add(found);
    }
    last = now;
    return out;
  }
}
