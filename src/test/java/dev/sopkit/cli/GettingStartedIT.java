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

    String text = Files.readString(sop);
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
