package dev.sopkit.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.check.RepoCheck;
import dev.sopkit.load.RepoScanner;
import dev.sopkit.model.Org;
import dev.sopkit.model.Ref;
import dev.sopkit.model.SourcePos;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Status;
import dev.sopkit.model.Workspace;
import dev.sopkit.testing.Resources;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromiseAnalysisTest {
  private static Workspace load(Path root) throws IOException {
    return RepoCheck.run(RepoScanner.scan(root, root), LocalDate.of(2026, 11, 22)).workspace();
  }

  private static List<String> ids(List<Sop> sops) {
    return sops.stream().map(Sop::idText).toList();
  }

  private static PromiseAnalysis.Result only(Workspace ws) {
    List<PromiseAnalysis.Result> all = PromiseAnalysis.of(ws).results();
    assertEquals(1, all.size());
    return all.get(0);
  }

  @Test
  void sampleLibraryKeepsItsPromises() throws IOException {
    Workspace ws = load(Path.of("sops"));
    List<PromiseAnalysis.Result> all = PromiseAnalysis.of(ws).results();
    assertEquals(4, all.size(), "the sample library has four promises with until");
    for (PromiseAnalysis.Result r : all) {
      assertTrue(r.reachable(), r.promise().id().value());
      assertFalse(r.atRisk(), r.promise().id().value());
      assertTrue(r.worstCase().compareTo(Duration.ZERO) > 0);
      assertEquals(r.sop(), r.path().get(0));
    }
    PromiseAnalysis.Result refund = PromiseAnalysis.of(ws).of(ws.sop("RET-REQ-001").promises().get(1));
    assertEquals(List.of("RET-REQ-001", "LOG-RPU-001", "RET-INS-001", "FIN-RFD-001"), ids(refund.path()));
    // On calendars the figure depends on the start, so a worst start is named, and the figure is
    // counted in the office's working time rather than as the sum of lead times.
    assertNotNull(refund.worstStart());
    assertEquals("10 business days", refund.withinText());
    Duration sum =
        refund.path().stream().map(HandoffGraph.of(ws)::leadTime).reduce(Duration.ZERO, Duration::plus);
    assertNotEquals(sum, refund.worstCase());
  }

  @Test
  void atRiskWithPathAndFigures() throws IOException {
    PromiseAnalysis.Result r = only(load(Resources.path("lint/promise-at-risk/invalid-too-slow")));
    assertTrue(r.atRisk());
    assertEquals(List.of("CS-RET-001", "WH-INS-001", "FIN-REF-001"), ids(r.path()));
    assertEquals(Duration.ofHours(1 + 24 + 52), r.worstCase());
    assertEquals(Duration.ofDays(3), r.within());
    assertEquals(List.of(), r.untimed());
  }

  @Test
  void untimedAndUnreachable() throws IOException {
    PromiseAnalysis.Result untimed =
        only(load(Resources.path("lint/promise-at-risk/invalid-untimed-steps")));
    assertEquals(List.of("WH-INS-001"), ids(untimed.untimed()));
    PromiseAnalysis.Result typo = only(load(Resources.path("lint/promise-at-risk/invalid-unreachable")));
    assertFalse(typo.reachable());
    assertFalse(typo.atRisk());
    assertEquals(List.of(), typo.path());
  }

  @Test
  void cyclesAreReportedNotFollowed() throws IOException {
    PromiseAnalysis.Result r = only(load(Resources.path("lint/handoff-cycle/invalid-query-loop")));
    assertEquals(1, r.cycles().size());
    assertEquals(List.of("CS-RET-001", "WH-INS-001", "CS-RET-001"), ids(r.cycles().get(0)));
    assertTrue(r.reachable());
    assertEquals(List.of("CS-RET-001", "WH-INS-001", "FIN-REF-001"), ids(r.path()));
    PromiseAnalysis.Result after =
        only(load(Resources.path("lint/handoff-cycle/valid-loop-after-the-artifact")));
    assertEquals(List.of(), after.cycles(), "paths stop at the producer, so its reply is no loop");
  }

  // --- large graphs, built in memory ------------------------------------------------------

  private static final Org ORG =
      new Org(
          "org.yaml",
          "Big",
          List.of(dept("a"), dept("b")),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          Map.of());

  private static Org.Department dept(String id) {
    return new Org.Department(ref(id), id, false, null, null);
  }

  private static Ref ref(String value) {
    return new Ref(value, new SourcePos("x.yaml", 1, 1));
  }

  private static Sop sop(
      int n, List<Sop.Input> inputs, List<Sop.Output> outputs, List<Sop.Promise> promises) {
    String file = String.format("s/%06d.yaml", n);
    Sop.Step step = new Sop.Step(ref("s"), ref("r"), "do", null, List.of(), ref("PT1H"), List.of());
    return new Sop(
        file, ref("S-" + n), "t", ref(n % 2 == 0 ? "a" : "b"), ref("r"), Status.APPROVED, "1.0.0",
        null, null, null, List.of(), List.of(), inputs, outputs, promises, List.of(), List.of(),
        List.of(step));
  }

  private static Sop.Input in(String artifact, int fromSop) {
    return new Sop.Input(ref(artifact), ref(fromSop % 2 == 0 ? "a" : "b"), null);
  }

  private static Sop.Output out(String artifact, int toSop) {
    return new Sop.Output(ref(artifact), List.of(ref(toSop % 2 == 0 ? "a" : "b")));
  }

  @Test
  void longChainsDoNotOverflowTheStack() {
    int n = 20_000;
    List<Sop> sops = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Sop.Input> ins = i == 0 ? List.of() : List.of(in("x" + i, i - 1));
      List<Sop.Output> outs = List.of(out(i == n - 1 ? "done" : "x" + (i + 1), i + 1));
      List<Sop.Promise> promises =
          i == 0 ? List.of(new Sop.Promise(ref("p"), null, ref("P1D"), ref("done"), null)) : List.of();
      sops.add(sop(i, ins, outs, promises));
    }
    Workspace ws = new Workspace(ORG, sops, LocalDate.of(2026, 11, 22));
    PromiseAnalysis.Result r =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> only(ws));
    assertEquals(n, r.path().size());
    assertEquals(Duration.ofHours(n), r.worstCase());
    assertTrue(r.atRisk());
  }

  /**
   * A ladder of diamonds: 2^k paths, k = 200. Enumerating paths would never finish; dynamic
   * programming visits each SOP once.
   */
  @Test
  void exponentiallyManyPathsAreNotEnumerated() {
    int k = 200;
    List<Sop> sops = new ArrayList<>();
    // Node 3i is a split, 3i+1 and 3i+2 its branches, 3(i+1) the join (and next split).
    for (int i = 0; i <= k; i++) {
      int split = 3 * i;
      boolean last = i == k;
      List<Sop.Input> splitIns =
          i == 0 ? List.of() : List.of(in("l" + (i - 1), split - 2), in("r" + (i - 1), split - 1));
      List<Sop.Output> splitOuts =
          last
              ? List.of(out("done", split))
              : List.of(new Sop.Output(ref("go" + i), List.of(ref("a"), ref("b"))));
      List<Sop.Promise> promises =
          i == 0 ? List.of(new Sop.Promise(ref("p"), null, ref("P1D"), ref("done"), null)) : List.of();
      sops.add(sop(split, splitIns, splitOuts, promises));
      if (!last) {
        sops.add(sop(split + 1, List.of(in("go" + i, split)), List.of(out("l" + i, split + 3)), List.of()));
        sops.add(sop(split + 2, List.of(in("go" + i, split)), List.of(out("r" + i, split + 3)), List.of()));
      }
    }
    Workspace ws = new Workspace(ORG, sops, LocalDate.of(2026, 11, 22));
    assertEquals(4 * k, HandoffGraph.of(ws).handoffs().size(), "four handoffs per diamond");
    PromiseAnalysis.Result r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> only(ws));
    assertEquals(2 * k + 1, r.path().size());
    assertEquals(Duration.ofHours(2L * k + 1), r.worstCase());
  }
}
