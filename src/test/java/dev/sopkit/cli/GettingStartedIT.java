package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Getting started" walkthrough, step by step, through the real launcher. */
class GettingStartedIT {
  @Test
  void readmeWalkthroughWorks(@TempDir Path tmp) throws Exception {
    LauncherIT.Result init = LauncherIT.sop(tmp, "init", "my-sops");
    assertEquals(0, init.exit(), init.err());
    Path repo = tmp.resolve("my-sops");
    assertEquals("no problems in 4 files\n", LauncherIT.sop(repo, "validate").out());

    LauncherIT.Result created =
        LauncherIT.sop(
            repo,
            "new",
            "--department",
            "customer-service",
            "--title",
            "Handle a refund request",
            "--template",
            "customer-request");
    assertEquals("sops/customer-service/handle-a-refund-request.yaml\n", created.out(), created.err());
    Path sop = repo.resolve("sops/customer-service/handle-a-refund-request.yaml");

    LauncherIT.Result drafted = LauncherIT.sop(repo, "validate");
    assertEquals(0, drafted.exit(), drafted.out());
    String rule = " is the placeholder 'sop new' wrote; replace it with what is really done\n";
    String at = "sops/customer-service/handle-a-refund-request.yaml:";
    assertEquals(
        at + "9:10: warning [placeholder-text] text 'Answer the customer's request completely,"
            + " within the promised time.'" + rule
            + at + "21:18: warning [placeholder-text] text 'We answer within 24 hours.'" + rule
            + at + "25:9: warning [placeholder-text] text 'Record the request and find the"
            + " customer's records.'" + rule
            + at + "29:9: warning [placeholder-text] text 'Answer every question and tell the"
            + " customer what happens next.'" + rule
            + "0 errors, 4 warnings in 5 files\n",
        drafted.out());
    String text =
        Files.readString(sop)
            .replace("Answer the customer's request completely, within the promised time.",
                "Refund every eligible return within 7 days.")
            .replace("We answer within 24 hours.", "We confirm the refund within a day.")
            .replace("Record the request and find the customer's records.",
                "Open a refund ticket and link the order.")
            .replace("Answer every question and tell the customer what happens next.",
                "Tell the customer the refund date.");
    Files.writeString(sop, text);
    assertEquals("no problems in 5 files\n", LauncherIT.sop(repo, "validate").out());
    assertTrue(text.contains("\nowner: cs-agent\n"), text);
    Files.writeString(sop, text.replace("\nowner: cs-agent\n", "\nowner: cs-agnet\n"));
    LauncherIT.Result broken = LauncherIT.sop(repo, "validate");
    assertEquals(1, broken.exit());
    assertEquals(
        "sops/customer-service/handle-a-refund-request.yaml:6:8: error [unknown-reference] unknown"
            + " role 'cs-agnet' (did you mean 'cs-agent'?)\n1 error, 0 warnings in 5 files\n",
        broken.out());
    assertEquals(0, LauncherIT.sop(repo, "explain", "unknown-reference").exit());

    Files.writeString(sop, text);
    assertEquals("no problems in 5 files\n", LauncherIT.sop(repo, "validate").out());
    assertEquals(0, LauncherIT.sop(repo, "list").exit());
    LauncherIT.Result show = LauncherIT.sop(repo, "show", "CS-001");
    assertTrue(show.out().contains("order-change-request to operations: OPS-001"), show.out());

    LauncherIT.Result handbook = LauncherIT.sop(repo, "render", "handbook", "sops", "--out", "handbook");
    assertEquals(0, handbook.exit(), handbook.out() + handbook.err());
    assertTrue(Files.isRegularFile(repo.resolve("handbook/index.html")));
  }
}
