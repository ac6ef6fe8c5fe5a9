package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/sop render config as CI runs it: write the configs of the sample library, then --check them.
 */
class RenderConfigIT {
  private static final Path SOPS =
      Path.of(System.getProperty("sop.launcher", "bin/sop"))
          .toAbsolutePath()
          .getParent()
          .getParent()
          .resolve("sops");

  @Test
  void writeThenCheckTheSampleLibrary(@TempDir Path dir) throws Exception {
    String[][] targets = {
      {"helpdesk-sla", "json"},
      {"workflow-timers", "json"},
      {"routing", "csv"},
      {"routing", "json"},
      {"raci", "csv"}
    };
    for (String[] t : targets) {
      String out = t[0] + "." + t[1];
      LauncherIT.Result write =
          LauncherIT.sop(
              dir,
              "render",
              "config",
              "--target",
              t[0],
              "--format",
              t[1],
              SOPS.toString(),
              "--out",
              out);
      assertEquals(0, write.exit(), write.err());
      LauncherIT.Result check =
          LauncherIT.sop(
              dir,
              "render",
              "config",
              "--target",
              t[0],
              "--format",
              t[1],
              SOPS.toString(),
              "--out",
              out,
              "--check");
      assertEquals(0, check.exit(), check.out() + check.err());
      assertEquals(out + " is up to date\n", check.out());
    }
    JsonNode sla = new ObjectMapper().readTree(dir.resolve("helpdesk-sla.json").toFile());
    assertTrue(sla.path("policies").size() > 10, "the sample library has many reply promises");

    Files.writeString(dir.resolve("raci.csv"), "stale\n");
    LauncherIT.Result drift =
        LauncherIT.sop(
            dir,
            "render",
            "config",
            "--target",
            "raci",
            SOPS.toString(),
            "--out",
            "raci.csv",
            "--check");
    assertEquals(1, drift.exit(), drift.err());
    assertTrue(drift.out().startsWith("--- raci.csv\n+++ raci.csv (rendered)\n"), drift.out());
    assertEquals("stale\n", Files.readString(dir.resolve("raci.csv")), "--check writes nothing");
  }
}
