package dev.sopkit.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sopkit.diag.Diagnostic;
import dev.sopkit.diag.Related;
import dev.sopkit.diff.ChangeReport.HandoffChange;
import dev.sopkit.diff.ChangeReport.InputChange;
import dev.sopkit.diff.ChangeReport.Producer;
import dev.sopkit.diff.ChangeReport.PromiseChange;
import dev.sopkit.diff.ChangeReport.SopChange;
import dev.sopkit.diff.ChangeReport.SopKind;
import dev.sopkit.graph.HandoffGraph;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Status;
import dev.sopkit.model.Workspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares two snapshots of a repository as departments see them. SOPs are matched by id, handoffs
 * by (producer, consumer, artifact), inputs by (SOP, artifact, from department), promises by (SOP,
 * promise id): never by position, which moves with every edit.
 */
public final class Comparison {
  private Comparison() {}

  private record HandoffKey(
      String fromDepartment, String fromSop, String toDepartment, String toSop, String artifact) {}

  private record InputKey(String sop, String artifact, String from) {}

  /** A broken input, why, and the producer's side that {@code unmatched-input} names. */
  private record Broken(
      String toDepartment, String file, int line, String reason, List<Related> related) {}

  public static ChangeReport between(Snapshot before, Snapshot after, String rev, String commit) {
    List<HandoffChange> handoffs = new ArrayList<>();
    var h0 = handoffs(before.workspace());
    var h1 = handoffs(after.workspace());
    h1.stream().filter(k -> !h0.contains(k)).forEach(k -> handoffs.add(handoff(true, k)));
    h0.stream().filter(k -> !h1.contains(k)).forEach(k -> handoffs.add(handoff(false, k)));
    handoffs.sort(
        Comparator.comparing(HandoffChange::fromDepartment)
            .thenComparing(HandoffChange::toDepartment)
            .thenComparing(h -> !h.added())
            .thenComparing(HandoffChange::fromSop)
            .thenComparing(HandoffChange::toSop)
            .thenComparing(HandoffChange::artifact));

    List<InputChange> inputs = new ArrayList<>();
    Map<InputKey, Broken> b0 = broken(before);
    Map<InputKey, Broken> b1 = broken(after);
    b1.forEach(
        (k, b) -> {
          if (!b0.containsKey(k)) {
            inputs.add(new InputChange(true, k.from(), b.toDepartment(), k.sop(), k.artifact(),
                b.file(), b.line(), b.reason(), producers(before.workspace(), k, b)));
          }
        });
    b0.forEach(
        (k, b) -> {
          // Fixed only when the input is still there and now handed over, not when it was deleted.
          if (!b1.containsKey(k) && stillWaits(after.workspace(), k)) {
            inputs.add(new InputChange(false, k.from(), b.toDepartment(), k.sop(), k.artifact(),
                b.file(), b.line(), null, List.of()));
          }
        });
    inputs.sort(
        Comparator.comparing(InputChange::fromDepartment)
            .thenComparing(InputChange::toDepartment)
            .thenComparing(i -> !i.broken())
            .thenComparing(InputChange::sop)
            .thenComparing(InputChange::artifact));

    List<PromiseChange> promises = promises(before.workspace(), after.workspace());
    List<SopChange> sops = sops(before, after);

    List<String> notes = new ArrayList<>();
    before.unreadable().forEach(f -> notes.add(f + " could not be read at " + rev + "; its SOP is left out"));
    after.unreadable().forEach(f -> notes.add(f + " could not be read in the working tree; its SOP is left out"));
    return new ChangeReport(rev, commit, List.copyOf(handoffs), List.copyOf(inputs),
        promises, sops, List.copyOf(notes),
        ReviewRequests.of(handoffs, inputs, before.workspace(), after.workspace()));
  }

  private static HandoffChange handoff(boolean added, HandoffKey k) {
    return new HandoffChange(added, k.fromDepartment(), k.fromSop(), k.toDepartment(), k.toSop(), k.artifact());
  }

  private static TreeSet<HandoffKey> handoffs(Workspace ws) {
    TreeSet<HandoffKey> out =
        new TreeSet<>(
            Comparator.comparing(HandoffKey::fromDepartment)
                .thenComparing(HandoffKey::toDepartment)
                .thenComparing(HandoffKey::fromSop)
                .thenComparing(HandoffKey::toSop)
                .thenComparing(HandoffKey::artifact));
    for (HandoffGraph.Handoff h : HandoffGraph.of(ws).handoffs()) {
      if (h.from().idText() != null && h.to().idText() != null) {
        out.add(new HandoffKey(h.from().departmentText(), h.from().idText(),
            h.to().departmentText(), h.to().idText(), h.artifact()));
      }
    }
    return out;
  }

  /**
   * Inputs that nobody in force hands over, by the same test as {@code unmatched-input}: an active
   * SOP's input from a declared internal department with no link in force.
   */
  private static Map<InputKey, Broken> broken(Snapshot s) {
    Workspace ws = s.workspace();
    HandoffGraph graph = HandoffGraph.of(ws);
    Map<String, Diagnostic> reasons = new HashMap<>();
    for (Diagnostic d : s.findings()) {
      if (d.rule().equals("unmatched-input")) {
        reasons.put(d.file() + ":" + d.line() + ":" + d.column(), d);
      }
    }
    Map<InputKey, Broken> out = new LinkedHashMap<>();
    for (Sop sop : ws.sops()) {
      if (sop.idText() == null) {
        continue;
      }
      for (Sop.Input in : sop.inputs()) {
        if (!HandoffGraph.awaitsHandoff(ws, sop, in)) {
          continue;
        }
        String from = in.from().value();
        if (graph.linksOf(in).stream().noneMatch(HandoffGraph.Handoff::inForce)) {
          Ref a = in.artifact();
          Diagnostic d = reasons.get(a.pos().toString());
          out.putIfAbsent(
              new InputKey(sop.idText(), a.value(), from),
              new Broken(sop.departmentText(), a.pos().file(), a.pos().line(),
                  d == null ? null : d.message(), d == null ? List.of() : d.related()));
        }
      }
    }
    return out;
  }

  /**
   * The producer's side of a newly broken input: the outputs that handed it over at the base
   * revision (the line that changed or went), then what {@code unmatched-input} names now (the
   * close name, the output sent elsewhere, the pinned SOP).
   */
  private static List<Producer> producers(Workspace before, InputKey k, Broken now) {
    List<Producer> out = new ArrayList<>();
    Sop sop = before.sop(k.sop());
    if (sop != null) {
      for (Sop.Input in : sop.inputs()) {
        if (in.artifact() == null || in.from() == null
            || !in.artifact().value().equals(k.artifact()) || !in.from().value().equals(k.from())) {
          continue;
        }
        for (HandoffGraph.Handoff h : HandoffGraph.of(before).linksOf(in)) {
          if (h.inForce() && h.to() == sop) {
            Ref o = h.output().artifact();
            out.add(new Producer(true, o.pos().file(), o.pos().line(), o.pos().column(),
                h.from().idText(), "output '" + o.value() + "' handed it over here"));
          }
        }
      }
    }
    for (Related r : now.related()) {
      if (r.role().equals("producer")) {
        out.add(new Producer(false, r.file(), r.line(), r.column(), r.sop(), r.message()));
      }
    }
    return out;
  }

  private static boolean stillWaits(Workspace ws, InputKey k) {
    Sop sop = ws.sop(k.sop());
    return sop != null
        && HandoffGraph.active(sop)
        && sop.inputs().stream()
            .anyMatch(i -> i.artifact() != null && i.from() != null
                && i.artifact().value().equals(k.artifact()) && i.from().value().equals(k.from()));
  }

  private static List<PromiseChange> promises(Workspace before, Workspace after) {
    Map<PromiseTimes.Key, PromiseTimes.Timing> t0 = PromiseTimes.of(before);
    Map<PromiseTimes.Key, PromiseTimes.Timing> t1 = PromiseTimes.of(after);
    TreeSet<PromiseTimes.Key> keys = new TreeSet<>(PromiseTimes.Key.ORDER);
    keys.addAll(t0.keySet());
    keys.addAll(t1.keySet());
    List<PromiseChange> out = new ArrayList<>();
    for (PromiseTimes.Key k : keys) {
      PromiseTimes.Timing a = t0.get(k);
      PromiseTimes.Timing b = t1.get(k);
      ChangeReport.PromiseTime ta = a == null ? null : a.time();
      ChangeReport.PromiseTime tb = b == null ? null : b.time();
      if (!Objects.equals(ta, tb)) {
        String until = (b != null ? b : a).until();
        out.add(new PromiseChange(k.department(), k.sop(), k.promise(), until, ta, tb));
      }
    }
    return List.copyOf(out);
  }

  private static List<SopChange> sops(Snapshot before, Snapshot after) {
    Workspace w0 = before.workspace();
    Workspace w1 = after.workspace();
    TreeSet<String> ids = new TreeSet<>();
    w0.sops().forEach(s -> addId(ids, s));
    w1.sops().forEach(s -> addId(ids, s));
    List<SopChange> out = new ArrayList<>();
    for (String id : ids) {
      Sop a = w0.sop(id);
      Sop b = w1.sop(id);
      if (a == null) {
        out.add(change(SopKind.ADDED, b, null, b.status() == null ? null : b.status().yaml()));
        continue;
      }
      if (b == null) {
        out.add(change(SopKind.REMOVED, a, null, null));
        continue;
      }
      if (a.status() != b.status()) {
        out.add(change(b.status() == Status.RETIRED ? SopKind.RETIRED : SopKind.STATUS, b,
            yaml(a.status()), yaml(b.status())));
      }
      if (!Objects.equals(text(a.owner()), text(b.owner()))) {
        out.add(change(SopKind.OWNER, b, text(a.owner()), text(b.owner())));
      }
      if (!Objects.equals(a.version(), b.version())) {
        out.add(change(SopKind.VERSION, b, a.version(), b.version()));
      } else {
        JsonNode c0 = before.contentBySop().get(id);
        JsonNode c1 = after.contentBySop().get(id);
        if (c0 != null && c1 != null && !c0.equals(c1)) {
          out.add(change(SopKind.UNVERSIONED, b, a.version(), b.version()));
        }
      }
    }
    out.sort(
        Comparator.comparing((SopChange c) -> Objects.requireNonNullElse(c.department(), ""))
            .thenComparing(SopChange::sop)
            .thenComparing(SopChange::kind));
    return List.copyOf(out);
  }

  private static void addId(TreeSet<String> ids, Sop s) {
    if (s.idText() != null) {
      ids.add(s.idText());
    }
  }

  private static SopChange change(SopKind kind, Sop s, String before, String after) {
    return new SopChange(kind, s.departmentText(), s.idText(), s.title(), s.file(), before, after);
  }

  private static String yaml(Status s) {
    return s == null ? null : s.yaml();
  }

  private static String text(Ref r) {
    return r == null ? null : r.value();
  }
}
