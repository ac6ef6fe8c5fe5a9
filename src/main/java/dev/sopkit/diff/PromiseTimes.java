package dev.sopkit.diff;

import dev.sopkit.graph.PromiseAnalysis;
import dev.sopkit.model.Workspace;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/** The worst-case time of every promise with a deadline, keyed so two revisions compare. */
final class PromiseTimes {
  private PromiseTimes() {}

  record Key(String department, String sop, String promise) {
    static final Comparator<Key> ORDER =
        Comparator.comparing(Key::department).thenComparing(Key::sop).thenComparing(Key::promise);
  }

  record Timing(String until, ChangeReport.PromiseTime time) {}

  static Map<Key, Timing> of(Workspace ws) {
    Map<Key, Timing> out = new HashMap<>();
    for (PromiseAnalysis.Result r : PromiseAnalysis.of(ws).results()) {
      if (r.sop().idText() == null || r.promise().id() == null || r.sop().departmentText() == null) {
        continue;
      }
      out.putIfAbsent(
          new Key(r.sop().departmentText(), r.sop().idText(), r.promise().id().value()),
          new Timing(
              r.until(),
              new ChangeReport.PromiseTime(
                  r.within(),
                  r.reachable() ? r.worstCase() : null,
                  r.deadline().business() ? r.withinText() : null,
                  r.reachable() && r.deadline().business() ? r.worstText() : null,
                  r.reachable() ? r.worstStartText() : null)));
    }
    return out;
  }
}
