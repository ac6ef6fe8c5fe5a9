package dev.sopkit.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sopkit.testing.Cli;
import dev.sopkit.testing.Resources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The handoff analysis end to end on one repository, handoff/acme-broken, built to contain each
 * case once: every expected finding appears with its rule, SOP, artifact, line and message, nothing
 * else appears, and the SOPs without problems get no finding at all.
 */
class HandoffAnalysisTest {
  /** rule | SOP | artifact | file:line | message */
  private static final List<String> EXPECTED =
      List.of(
          "unmatched-input|CC-CBK-001|repair-report|call-centre/call-back.yaml:9"
              + "|pinned SOP 'SVC-DIA-001' does not output 'repair-report'",
          "unmatched-input|CC-CBK-001|parts-delivery|call-centre/call-back.yaml:10"
              + "|no SOP of 'service' outputs 'parts-delivery' (but 'SPR-ORD-001' of 'spare-parts' does)",
          "unmatched-input|CC-CBK-001|courier-eta|call-centre/call-back.yaml:11"
              + "|no SOP of 'service' outputs 'courier-eta'",
          "unmatched-input|CC-CLS-001|loyalty-voucher|call-centre/close-ticket.yaml:10"
              + "|only a draft SOP produces 'loyalty-voucher' for 'call-centre' ('MKT-LOY-001' is not in force yet)",
          "promise-at-risk|CC-CLS-001|survey-emial|call-centre/close-ticket.yaml:16"
              + "|promise 'survey-sent' waits for 'survey-emial', which no SOP outputs (did you mean 'survey-email'?)",
          "unused-suppression|CC-CLS-001|repair-report|call-centre/close-ticket.yaml:18"
              + "|suppression of 'unmatched-input' for 'repair-report' matches no finding",
          "promise-at-risk|CC-REP-001|repair-report|call-centre/take-repair-request.yaml:15"
              + "|promise 'repair-done' is at risk: CC-REP-001 -> SVC-DIA-001 -> SPR-ORD-001 -> SVC-REP-001:"
              + " 6 days 1 h > 5 days (steps without a duration count as zero in 'SVC-DIA-001')",
          "unmatched-input|FIN-INV-001|repair-reprot|finance/invoice-repair.yaml:9"
              + "|no SOP of 'service' outputs 'repair-reprot' (did you mean 'repair-report'?)",
          "unmatched-input|FIN-INV-001|parts-invoice|finance/invoice-repair.yaml:10"
              + "|'SPR-ORD-001' of 'spare-parts' outputs 'parts-invoice' to 'service', not to 'finance'",
          "unmatched-input|FIN-INV-001|stock-report|finance/invoice-repair.yaml:11"
              + "|only a retired SOP produces 'stock-report' for 'finance' ('SPR-STK-000')",
          "review-overdue|MKT-CMP-001|null|marketing/launch-campaign.yaml:8"
              + "|review overdue since 2026-06-01 (last review 2025-12-01, every P6M)",
          "unconsumed-output|MKT-CMP-001|campaign-brief|marketing/launch-campaign.yaml:10"
              + "|no SOP of 'call-centre' takes 'campaign-brief' from 'marketing'",
          "unconsumed-output|MKT-SUR-001|survey-results|marketing/run-survey.yaml:12"
              + "|no SOP of 'service' takes 'survey-results' from 'marketing'",
          "expired-suppression|MKT-SUR-001|survey-results|marketing/run-survey.yaml:17"
              + "|suppression of 'unconsumed-output' for 'survey-results' expired on 2026-10-31;"
              + " the finding is reported again",
          "handoff-cycle|SVC-WAR-001|warranty-decision|service/check-warranty.yaml:15"
              + "|handoffs loop on the way from 'SVC-WAR-001' to 'warranty-decision':"
              + " CC-POP-001 -> FIN-WAR-001 -> CC-POP-001 (the worst case counts each SOP once)",
          "unconsumed-output|SVC-REP-001|repair-report|service/repair.yaml:12"
              + "|no SOP of 'finance' takes 'repair-report' from 'service' (did you mean 'repair-reprot'?)");

  /** On the worst path, in the loop, suppressed, draft or retired: all without a finding of their own. */
  private static final Set<String> CLEAN =
      Set.of(
          "SVC-DIA-001", "SPR-ORD-001", "FIN-WAR-001", "CC-POP-001", "SVC-WDC-001", "MKT-LOY-001",
          "SPR-STK-000");

  @Test
  void everyCaseIsFoundAndNothingElse() throws Exception {
    Path root = Resources.path("handoff/acme-broken");
    Cli.Run run = Cli.run(root, "validate", ".", "--format", "json", "--today", "2026-11-22");
    assertEquals("", run.err());
    assertEquals(1, run.exit(), "unmatched inputs are errors");
    JsonNode findings = new ObjectMapper().readTree(run.out()).get("findings");
    List<String> actual = new ArrayList<>();
    Set<String> withFindings = new HashSet<>();
    for (JsonNode f : findings) {
      actual.add(
          String.join(
              "|",
              f.get("rule").asText(),
              f.get("sop").asText(),
              f.get("artifact").asText(),
              f.get("file").asText() + ":" + f.get("line").asInt(),
              f.get("message").asText()));
      withFindings.add(f.get("sop").asText());
    }
    assertEquals(EXPECTED, actual);
    for (String clean : CLEAN) {
      assertTrue(!withFindings.contains(clean), clean + " has no problem and must get no finding");
    }
  }

  /** The sample library was built to satisfy these rules, warnings included. */
  @Test
  void sampleLibraryHasNoFindings() {
    Cli.Run run =
        Cli.run(Path.of("."), "validate", "sops", "--today", "2026-11-22", "--fail-on", "warning");
    assertTrue(run.out().startsWith("no problems in "), run.out());
    assertEquals(0, run.exit());
  }

  @Test
  void suppressionsHoldUntilTheirLastDay() {
    Path root = Resources.path("handoff/acme-broken");
    Cli.Run run = Cli.run(root, "validate", ".", "--quiet", "--today", "2026-11-22");
    assertTrue(!run.out().contains("warranty-sticker"), "an active suppression hides its finding");
    // Before the expiry date the survey-results suppression still holds.
    Cli.Run earlier = Cli.run(root, "validate", ".", "--quiet", "--today", "2026-10-31");
    assertTrue(!earlier.out().contains("survey-results"), earlier.out());
  }
}
