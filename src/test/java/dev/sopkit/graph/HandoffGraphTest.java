package dev.sopkit.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.check.RepoCheck;
import dev.sopkit.load.RepoScanner;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import dev.sopkit.testing.Resources;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandoffGraphTest {
  private static Workspace load(Path root) throws IOException {
    return RepoCheck.run(RepoScanner.scan(root, root), LocalDate.of(2026, 11, 22)).workspace();
  }

  private static Sop sop(Workspace ws, String id) {
    Sop s = ws.sop(id);
    assertTrue(s != null, "no SOP " + id);
    return s;
  }

  private static List<String> ids(List<Sop> sops) {
    return sops.stream().map(Sop::idText).toList();
  }

  @Test
  void sampleLibraryLinksDepartments() throws IOException {
    Workspace ws = load(Path.of("sops"));
    HandoffGraph g = HandoffGraph.of(ws);
    assertSame(g, HandoffGraph.of(ws), "one graph per workspace");
    List<HandoffGraph.Handoff> all = g.handoffs();
    assertTrue(all.size() > 20, "the sample library is built of handoffs: " + all.size());
    // Sorted by producer file, then output position, then consumer file and input position.
    List<HandoffGraph.Handoff> sorted = new ArrayList<>(all);
    sorted.sort(
        java.util.Comparator.comparing((HandoffGraph.Handoff h) -> h.from().file())
            .thenComparingInt(h -> h.output().artifact().pos().line())
            .thenComparing(h -> h.to().file())
            .thenComparingInt(h -> h.input().artifact().pos().line()));
    assertEquals(sorted, all);
    for (HandoffGraph.Handoff h : all) {
      assertEquals(h.output().artifact().value(), h.input().artifact().value());
      assertEquals(h.from().departmentText(), h.input().from().value());
      assertTrue(h.output().to().stream().anyMatch(t -> t.value().equals(h.to().departmentText())));
      assertTrue(g.downstream(h.from()).contains(h));
      assertTrue(g.upstream(h.to()).contains(h));
      assertTrue(g.producers(h.to(), h.input()).contains(h.from()));
      assertTrue(g.consumers(h.from(), h.output(), h.to().departmentText()).contains(h.to()));
    }
  }

  @Test
  void neighboursOfOneSop() throws IOException {
    Workspace ws = load(Resources.path("lint/unmatched-input/valid-basic"));
    HandoffGraph g = HandoffGraph.of(ws);
    Sop cs = sop(ws, "CS-RET-001");
    Sop fin = sop(ws, "FIN-REF-001");
    assertEquals(2, g.handoffs().size());
    assertEquals(List.of("FIN-REF-001"), g.upstream(cs).stream().map(h -> h.from().idText()).toList());
    assertEquals(List.of("FIN-REF-001"), g.downstream(cs).stream().map(h -> h.to().idText()).toList());
    assertEquals(List.of("refund-confirmation"), g.downstream(fin).stream().map(HandoffGraph.Handoff::artifact).toList());
    Sop.Input fromFinance = cs.inputs().get(1);
    assertEquals(List.of("FIN-REF-001"), ids(g.producers(cs, fromFinance)));
    Sop.Input fromCustomer = cs.inputs().get(0);
    assertEquals(List.of(), g.producers(cs, fromCustomer), "external parties have no SOP");
    Sop.Output confirmation = fin.outputs().get(0);
    assertEquals(List.of("CS-RET-001"), ids(g.consumers(fin, confirmation, "customer-service")));
    assertEquals(List.of(), g.consumers(fin, confirmation, "customer"));
  }

  @Test
  void draftsAndRetiredSops() throws IOException {
    Workspace drafts = load(Resources.path("lint/unmatched-input/valid-draft-to-draft"));
    HandoffGraph g = HandoffGraph.of(drafts);
    assertEquals(2, g.handoffs().size());
    assertTrue(g.handoffs().stream().allMatch(HandoffGraph.Handoff::inForce), "draft to draft");

    Workspace onlyDraft = load(Resources.path("lint/unmatched-input/invalid-only-draft"));
    HandoffGraph d = HandoffGraph.of(onlyDraft);
    HandoffGraph.Handoff toApproved =
        d.upstream(sop(onlyDraft, "CS-RET-001")).get(0);
    assertFalse(toApproved.inForce(), "a draft does not satisfy an approved SOP");

    Workspace retired = load(Resources.path("lint/unmatched-input/invalid-only-retired"));
    HandoffGraph r = HandoffGraph.of(retired);
    assertEquals(List.of(), r.downstream(sop(retired, "FIN-REF-001")), "retired SOPs hand nothing over");
  }

  @Test
  void pinnedInputsLinkOnlyThePinnedSop() throws IOException {
    Workspace ws = load(Resources.path("lint/unmatched-input/invalid-pinned-not-sent-here"));
    HandoffGraph g = HandoffGraph.of(ws);
    Sop cs = sop(ws, "CS-RET-001");
    assertEquals(List.of(), g.producers(cs, cs.inputs().get(1)), "FIN-REF-001 is not the pinned SOP");
  }

  @Test
  void leadTimeSumsStepDurations() throws IOException {
    Workspace ws = load(Path.of("sops"));
    HandoffGraph g = HandoffGraph.of(ws);
    // CS-PHN-001: 2 + 1 + 10 + 3 + 5 minutes
    Sop phone = sop(ws, "CS-PHN-001");
    assertEquals(Duration.ofMinutes(21), g.leadTime(phone));
    assertFalse(g.hasUntimedSteps(phone));
    assertEquals(Long.MAX_VALUE, HandoffGraph.saturatedAdd(Long.MAX_VALUE - 1, 5));
  }
}
