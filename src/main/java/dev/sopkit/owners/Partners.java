package dev.sopkit.owners;

import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import java.util.List;
import java.util.TreeSet;

/** The other internal departments an SOP exchanges work with: a change to it changes theirs. */
public final class Partners {
  private Partners() {}

  /**
   * The departments named by its inputs' {@code from:} and its outputs' {@code to:}, sorted; never
   * its own, never an external one and never one org.yaml does not declare.
   */
  public static List<String> of(Workspace ws, Sop sop) {
    TreeSet<String> out = new TreeSet<>();
    for (Sop.Input in : sop.inputs()) {
      if (in.from() != null) {
        out.add(in.from().value());
      }
    }
    for (Sop.Output o : sop.outputs()) {
      o.to().stream().map(Ref::value).forEach(out::add);
    }
    if (sop.department() != null) {
      out.remove(sop.department().value());
    }
    out.removeIf(d -> ws.department(d) == null || ws.isExternal(d));
    return List.copyOf(out);
  }
}
