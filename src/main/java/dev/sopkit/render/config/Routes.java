package dev.sopkit.render.config;

import dev.sopkit.graph.HandoffGraph;
import dev.sopkit.model.Status;
import dev.sopkit.model.Workspace;
import dev.sopkit.render.config.ConfigModel.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Routing rows: one per handoff between two departments, that is per (artifact, producing
 * department, receiving department), with the SOPs on each side. Only links between SOPs in force
 * count: a ticketing system routes today's work, not a draft's.
 */
final class Routes {
  private Routes() {}

  private record Key(String artifact, String from, String to) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = artifact.compareTo(o.artifact);
      c = c != 0 ? c : from.compareTo(o.from);
      return c != 0 ? c : to.compareTo(o.to);
    }
  }

  static List<Route> of(Workspace ws) {
    Map<Key, Set<String>> fromSops = new TreeMap<>();
    Map<Key, Set<String>> toSops = new TreeMap<>();
    for (HandoffGraph.Handoff h : HandoffGraph.of(ws).handoffs()) {
      if (h.from().status() == Status.DRAFT
          || h.to().status() == Status.DRAFT
          || h.from().idText() == null
          || h.to().idText() == null) {
        continue;
      }
      Key key = new Key(h.artifact(), h.from().departmentText(), h.to().departmentText());
      fromSops.computeIfAbsent(key, k -> new TreeSet<>()).add(h.from().idText());
      toSops.computeIfAbsent(key, k -> new TreeSet<>()).add(h.to().idText());
    }
    List<Route> out = new ArrayList<>(fromSops.size());
    fromSops.forEach(
        (k, from) ->
            out.add(
                new Route(
                    k.artifact(),
                    k.from(),
                    SopViews.departmentName(ws, k.from()),
                    List.copyOf(from),
                    k.to(),
                    SopViews.departmentName(ws, k.to()),
                    List.copyOf(toSops.get(k)))));
    return List.copyOf(out);
  }
}
