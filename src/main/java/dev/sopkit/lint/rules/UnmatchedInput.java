package dev.sopkit.lint.rules;

import dev.sopkit.diag.DidYouMean;
import dev.sopkit.diag.Related;
import dev.sopkit.diag.Severity;
import dev.sopkit.graph.HandoffGraph;
import dev.sopkit.lint.Reporter;
import dev.sopkit.lint.Rule;
import dev.sopkit.lint.RuleMeta;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import dev.sopkit.model.SourcePos;
import dev.sopkit.model.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every input must be handed over: some SOP in force of the {@code from} department must list the
 * artifact as an output to this SOP's department. A broken link means work that waits for
 * something nobody sends. The message says why in the terms of the case (nobody outputs it, it goes
 * elsewhere, only a retired or draft SOP makes it, the pinned SOP does not) and suggests a close
 * artifact name, because a typo is the commonest broken link. The finding points at the other side
 * too, where there is one: the output that comes closest (the typo's candidate, the retired or
 * draft producer, the output sent elsewhere) or the pinned SOP, so a reviewer sees both files.
 */
public final class UnmatchedInput implements Rule {
  static final RuleMeta META =
      new RuleMeta(
          "unmatched-input",
          Severity.ERROR,
          "every input must be an output of an SOP of its from department",
          "0.1.0");

  /** An SOP with one of its outputs. */
  private record Producer(Sop sop, Sop.Output output) {}

  /** Why the input is unmatched, and the producer's side of it, if there is one. */
  private record Why(String message, List<Related> related) {
    Why(String message) {
      this(message, List.of());
    }

    Why(String message, Related producer) {
      this(message, List.of(producer));
    }
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(Workspace ws, Reporter out) {
    HandoffGraph graph = HandoffGraph.of(ws);
    // artifact -> producing department -> producers (retired ones too, to explain their absence)
    Map<String, Map<String, List<Producer>>> byArtifact = new HashMap<>();
    Map<String, Set<String>> artifactsByDepartment = new HashMap<>();
    for (Sop sop : ws.sops()) {
      if (sop.department() == null) {
        continue;
      }
      for (Sop.Output o : sop.outputs()) {
        if (o.artifact() == null) {
          continue;
        }
        byArtifact
            .computeIfAbsent(o.artifact().value(), k -> new TreeMap<>())
            .computeIfAbsent(sop.departmentText(), k -> new ArrayList<>())
            .add(new Producer(sop, o));
        if (HandoffGraph.active(sop)) {
          artifactsByDepartment
              .computeIfAbsent(sop.departmentText(), k -> new HashSet<>())
              .add(o.artifact().value());
        }
      }
    }
    for (Sop sop : ws.sops()) {
      for (Sop.Input in : sop.inputs()) {
        if (!HandoffGraph.awaitsHandoff(ws, sop, in)) {
          continue;
        }
        List<HandoffGraph.Handoff> links = graph.linksOf(in);
        if (links.stream().anyMatch(HandoffGraph.Handoff::inForce)) {
          continue;
        }
        Why why =
            in.sop() == null
                ? unpinned(ws, graph, sop, in, links, byArtifact, artifactsByDepartment)
                : pinned(ws, sop, in, links);
        if (why != null) {
          out.reportHandoff(
              in.artifact().pos(), in.artifact().value(), why.related(), "%s", why.message());
        }
      }
    }
  }

  private static Why unpinned(
      Workspace ws,
      HandoffGraph graph,
      Sop sop,
      Sop.Input in,
      List<HandoffGraph.Handoff> links,
      Map<String, Map<String, List<Producer>>> byArtifact,
      Map<String, Set<String>> artifactsByDepartment) {
    String artifact = in.artifact().value();
    String from = in.from().value();
    String to = sop.departmentText();
    if (!links.isEmpty()) {
      HandoffGraph.Handoff draft = links.get(0);
      return new Why(
          String.format(
              "only a draft SOP produces '%s' for '%s' ('%s' is not in force yet)",
              artifact, to, draft.from().idText()),
          produced(draft.from(), draft.output(), "draft"));
    }
    Map<String, List<Producer>> byDepartment = byArtifact.getOrDefault(artifact, Map.of());
    List<Producer> inFrom = byDepartment.getOrDefault(from, List.of());
    for (Producer p : inFrom) {
      if (p.sop().retired() && sendsTo(p.output(), to)) {
        return new Why(
            String.format(
                "only a retired SOP produces '%s' for '%s' ('%s')", artifact, to, p.sop().idText()),
            produced(p.sop(), p.output(), "retired"));
      }
    }
    for (Producer p : inFrom) {
      if (!p.sop().retired()) {
        return new Why(
            String.format(
                "'%s' of '%s' outputs '%s' to %s, not to '%s'",
                p.sop().idText(), from, artifact, quoted(p.output().to()), to),
            produced(p.sop(), p.output(), "sent to " + quoted(p.output().to())));
      }
    }
    String closest =
        DidYouMean.closest(artifact, artifactsByDepartment.getOrDefault(from, Set.of()));
    String hint = DidYouMean.hint(artifact, artifactsByDepartment.getOrDefault(from, Set.of()));
    List<Related> related = new ArrayList<>();
    if (closest != null) {
      for (Producer p : byArtifact.get(closest).getOrDefault(from, List.of())) {
        if (HandoffGraph.active(p.sop())) {
          related.add(produced(p.sop(), p.output(), null));
        }
      }
    } else {
      for (Map.Entry<String, List<Producer>> e : byDepartment.entrySet()) {
        Producer elsewhere =
            e.getValue().stream().filter(p -> !p.sop().retired()).findFirst().orElse(null);
        if (elsewhere != null) {
          hint =
              String.format(
                  " (but '%s' of '%s' does)",
                  elsewhere.sop().idText(), e.getKey());
          related.add(produced(elsewhere.sop(), elsewhere.output(), "in '" + e.getKey() + "'"));
          break;
        }
      }
    }
    if (related.isEmpty()) {
      related.addAll(unsent(ws, graph, from, to));
    }
    return new Why(String.format("no SOP of '%s' outputs '%s'%s", from, artifact, hint), related);
  }

  private static Why pinned(
      Workspace ws, Sop sop, Sop.Input in, List<HandoffGraph.Handoff> links) {
    String artifact = in.artifact().value();
    String from = in.from().value();
    String to = sop.departmentText();
    String id = in.sop().value();
    Sop p = ws.sop(id);
    if (p == null) {
      return null; // unknown-reference reports the unknown SOP id
    }
    if (!links.isEmpty()) {
      HandoffGraph.Handoff draft = links.get(0);
      return new Why(
          String.format("pinned SOP '%s' is a draft, not in force yet", id),
          produced(draft.from(), draft.output(), "draft"));
    }
    if (p.retired()) {
      return new Why(
          String.format("pinned SOP '%s' is retired", id),
          pinnedSop(p, String.format("SOP '%s' is retired here", id)));
    }
    if (!from.equals(p.departmentText())) {
      return new Why(
          String.format(
              "pinned SOP '%s' belongs to '%s', not to '%s'", id, p.departmentText(), from),
          Related.at(
              p.department().pos(),
              id,
              "producer",
              String.format("SOP '%s' belongs to '%s' here", id, p.departmentText())));
    }
    Map<String, Sop.Output> artifacts = new TreeMap<>();
    for (Sop.Output o : p.outputs()) {
      if (o.artifact() != null && o.artifact().value().equals(artifact)) {
        return new Why(
            String.format(
                "pinned SOP '%s' outputs '%s' to %s, not to '%s'",
                id, artifact, quoted(o.to()), to),
            produced(p, o, "sent to " + quoted(o.to())));
      }
      if (o.artifact() != null) {
        artifacts.putIfAbsent(o.artifact().value(), o);
      }
    }
    String closest = DidYouMean.closest(artifact, artifacts.keySet());
    String message =
        String.format(
            "pinned SOP '%s' does not output '%s'%s",
            id, artifact, DidYouMean.hint(artifact, artifacts.keySet()));
    return closest != null
        ? new Why(message, produced(p, artifacts.get(closest), null))
        : new Why(message, pinnedSop(p, String.format("SOP '%s' is defined here", id)));
  }

  /**
   * The outputs that {@code from} sends to {@code to} and nobody there takes: where a name is too
   * far from any other for a suggestion, as after a rename, the renamed output is one of them.
   */
  private static List<Related> unsent(Workspace ws, HandoffGraph graph, String from, String to) {
    List<Related> related = new ArrayList<>();
    for (Sop p : ws.sops()) {
      if (!HandoffGraph.active(p) || !from.equals(p.departmentText())) {
        continue;
      }
      for (Sop.Output o : p.outputs()) {
        if (o.artifact() != null && sendsTo(o, to) && graph.consumers(p, o, to).isEmpty()) {
          related.add(
              Related.at(
                  o.artifact().pos(),
                  p.idText(),
                  "producer",
                  String.format(
                      "output '%s' is sent to '%s' here, and nobody there takes it",
                      o.artifact().value(), to)));
        }
      }
    }
    return related;
  }

  /** The producer's output line: "output 'x' is produced here", with what keeps it from counting. */
  private static Related produced(Sop sop, Sop.Output o, String state) {
    String what = String.format("output '%s' is produced here", o.artifact().value());
    return Related.at(
        o.artifact().pos(), sop.idText(), "producer", state == null ? what : what + " (" + state + ")");
  }

  /** The pinned SOP's id line, where no output or field of it is to blame. */
  private static Related pinnedSop(Sop p, String message) {
    SourcePos pos = p.id() != null ? p.id().pos() : SourcePos.start(p.file());
    return Related.at(pos, p.idText(), "producer", message);
  }

  private static boolean sendsTo(Sop.Output o, String department) {
    return o.to().stream().anyMatch(t -> t.value().equals(department));
  }

  private static String quoted(List<Ref> departments) {
    return departments.stream().map(r -> "'" + r.value() + "'").collect(Collectors.joining(", "));
  }
}
