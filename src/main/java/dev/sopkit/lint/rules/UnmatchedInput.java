package dev.sopkit.lint.rules;

import dev.sopkit.diag.DidYouMean;
import dev.sopkit.diag.Severity;
import dev.sopkit.graph.HandoffGraph;
import dev.sopkit.lint.Reporter;
import dev.sopkit.lint.Rule;
import dev.sopkit.lint.RuleMeta;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
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
 * artifact name, because a typo is the commonest broken link.
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
        String why =
            in.sop() == null
                ? unpinned(sop, in, links, byArtifact, artifactsByDepartment)
                : pinned(ws, sop, in, links);
        if (why != null) {
          out.reportArtifact(in.artifact().pos(), in.artifact().value(), "%s", why);
        }
      }
    }
  }

  private static String unpinned(
      Sop sop,
      Sop.Input in,
      List<HandoffGraph.Handoff> links,
      Map<String, Map<String, List<Producer>>> byArtifact,
      Map<String, Set<String>> artifactsByDepartment) {
    String artifact = in.artifact().value();
    String from = in.from().value();
    String to = sop.departmentText();
    if (!links.isEmpty()) {
      return String.format(
          "only a draft SOP produces '%s' for '%s' ('%s' is not in force yet)",
          artifact, to, links.get(0).from().idText());
    }
    Map<String, List<Producer>> byDepartment = byArtifact.getOrDefault(artifact, Map.of());
    List<Producer> inFrom = byDepartment.getOrDefault(from, List.of());
    for (Producer p : inFrom) {
      if (p.sop().retired() && sendsTo(p.output(), to)) {
        return String.format(
            "only a retired SOP produces '%s' for '%s' ('%s')", artifact, to, p.sop().idText());
      }
    }
    for (Producer p : inFrom) {
      if (!p.sop().retired()) {
        return String.format(
            "'%s' of '%s' outputs '%s' to %s, not to '%s'",
            p.sop().idText(), from, artifact, quoted(p.output().to()), to);
      }
    }
    String hint =
        DidYouMean.hint(artifact, artifactsByDepartment.getOrDefault(from, Set.of()));
    if (hint.isEmpty()) {
      for (Map.Entry<String, List<Producer>> e : byDepartment.entrySet()) {
        Producer elsewhere =
            e.getValue().stream().filter(p -> !p.sop().retired()).findFirst().orElse(null);
        if (elsewhere != null) {
          hint =
              String.format(
                  " (but '%s' of '%s' does)",
                  elsewhere.sop().idText(), e.getKey());
          break;
        }
      }
    }
    return String.format("no SOP of '%s' outputs '%s'%s", from, artifact, hint);
  }

  private static String pinned(
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
      return String.format("pinned SOP '%s' is a draft, not in force yet", id);
    }
    if (p.retired()) {
      return String.format("pinned SOP '%s' is retired", id);
    }
    if (!from.equals(p.departmentText())) {
      return String.format(
          "pinned SOP '%s' belongs to '%s', not to '%s'", id, p.departmentText(), from);
    }
    List<String> artifacts = new ArrayList<>();
    for (Sop.Output o : p.outputs()) {
      if (o.artifact() != null && o.artifact().value().equals(artifact)) {
        return String.format(
            "pinned SOP '%s' outputs '%s' to %s, not to '%s'",
            id, artifact, quoted(o.to()), to);
      }
      if (o.artifact() != null) {
        artifacts.add(o.artifact().value());
      }
    }
    return String.format(
        "pinned SOP '%s' does not output '%s'%s", id, artifact, DidYouMean.hint(artifact, artifacts));
  }

  private static boolean sendsTo(Sop.Output o, String department) {
    return o.to().stream().anyMatch(t -> t.value().equals(department));
  }

  private static String quoted(List<Ref> departments) {
    return departments.stream().map(r -> "'" + r.value() + "'").collect(Collectors.joining(", "));
  }
}
