package dev.sopkit.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sopkit.model.Sop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule's per-SOP findings are computed once for each SOP object, and only the last run's are kept. */
class PerSopTest {
  private static Sop sop(String file) {
    return new Sop(file, null, "t", null, null, null, null, null, null, null,
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void eachSopObjectIsComputedOnceWhileItIsInTheLastRun() {
    List<String> computed = new ArrayList<>();
    PerSop<String> memo = new PerSop<>(s -> {
      computed.add(s.file());
      return "found in " + s.file();
    });
    Sop a = sop("a.yaml");
    Sop b = sop("b.yaml");
    assertEquals(List.of("found in a.yaml", "found in b.yaml"), memo.of(List.of(a, b)));
    assertEquals(List.of("found in b.yaml", "found in a.yaml"), memo.of(List.of(b, a)), "in the run's order");
    assertEquals(List.of("a.yaml", "b.yaml"), computed, "not computed again");

    // An equal SOP read again (a changed file's new model) is another object: computed afresh.
    Sop a2 = sop("a.yaml");
    memo.of(List.of(a2));
    assertEquals(List.of("a.yaml", "b.yaml", "a.yaml"), computed);
    // b was not in the last run: forgotten.
    memo.of(List.of(a2, b));
    assertEquals(List.of("a.yaml", "b.yaml", "a.yaml", "b.yaml"), computed);
  }
}
