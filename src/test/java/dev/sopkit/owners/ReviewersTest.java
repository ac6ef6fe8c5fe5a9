package dev.sopkit.owners;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sopkit.check.RepoCheck;
import dev.sopkit.load.RepoScanner;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import dev.sopkit.testing.Resources;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who reviews what, on owners/partners: customer service hands return requests to aftersales,
 * aftersales refund requests to finance, finance confirmations back to customer service and a
 * restock note to the warehouse, which names no reviewers and no head.
 */
class ReviewersTest {
  static Workspace ws;
  static Reviewers reviewers;

  @BeforeAll
  static void load() throws IOException {
    Path root = Resources.path("owners/partners");
    RepoCheck.Result result = RepoCheck.run(RepoScanner.scan(root, root), LocalDate.of(2026, 11, 22));
    assertEquals(
        List.of(),
        result.findings().stream().filter(d -> d.severity().name().equals("ERROR")).toList());
    ws = result.workspace();
    reviewers = Reviewers.of(ws.org());
  }

  private static Sop sop(String id) {
    return ws.sop(id);
  }

  @Test
  void aDepartmentsOwnEntryWinsOverItsHeads() {
    assertEquals(List.of("@acme/customer-service"), reviewers.ofDepartment("customer-service"));
    assertEquals(List.of("@acme/finance-ops"), reviewers.ofDepartment("finance"));
  }

  @Test
  void aDepartmentWithoutAnEntryTakesItsHeadRoles() {
    assertEquals(List.of("@omar", "@acme/customer-service"), reviewers.ofDepartment("aftersales"));
  }

  @Test
  void aDepartmentWithNeitherAnEntryNorAHeadHasNobody() {
    assertEquals(List.of(), reviewers.ofDepartment("warehouse"));
    assertEquals(List.of(), reviewers.ofDepartment("no-such-department"));
  }

  @Test
  void aRoleHasOnlyItsOwnEntry() {
    assertEquals(List.of("@jane"), reviewers.ofRole("cs-team-lead"));
    assertEquals(List.of(), reviewers.ofRole("csr"));
  }

  @Test
  void partnersAreTheOtherInternalDepartmentsAnSopReceivesFromOrHandsTo() {
    // Not the customer (external) and not itself, although it sends customer service a label.
    assertEquals(List.of("aftersales", "finance"), Partners.of(ws, sop("CS-RET-001")));
    assertEquals(List.of("customer-service", "finance"), Partners.of(ws, sop("AS-INS-001")));
    // The warehouse is a partner although nobody there reviews: CODEOWNERS says so in a comment.
    assertEquals(
        List.of("aftersales", "customer-service", "warehouse"), Partners.of(ws, sop("FIN-REF-001")));
  }

  @Test
  void anSopIsReviewedByItsDepartmentItsOwnerRoleAndEveryPartnerOnce() {
    Sop refund = sop("FIN-REF-001");
    assertEquals(
        List.of("@acme/finance-ops", "payments@example.com", "@omar", "@acme/customer-service"),
        reviewers.ofSop(refund, Partners.of(ws, refund)));
    // aftersales-lead owns it: the role's reviewers are the department's already, not repeated.
    Sop inspect = sop("AS-INS-001");
    assertEquals(
        List.of("@omar", "@acme/customer-service", "@acme/finance-ops"),
        reviewers.ofSop(inspect, Partners.of(ws, inspect)));
  }
}
