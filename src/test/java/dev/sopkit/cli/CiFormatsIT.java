package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sopkit.testing.GitFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CI commands through the real launcher, as a CI job runs them. */
class CiFormatsIT {
  @Test
  void sarifNamesTheReleasedVersion(@TempDir Path dir) throws Exception {
    GitFixture git = GitFixture.init(dir);
    git.write("sops/org.yaml", ValidateBaseTest.ORG)
        .write("sops/a.yaml", ValidateBaseTest.sop("CS-A", "csr", ""))
        .commit("base");
    git.write("sops/a.yaml", ValidateBaseTest.sop("CS-A", "csrr", ""));

    LauncherIT.Result sarif = LauncherIT.sop(dir, "validate", "sops", "--format", "sarif");
    assertEquals(1, sarif.exit(), sarif.err());
    JsonNode driver = new ObjectMapper().readTree(sarif.out()).path("runs").get(0).path("tool").path("driver");
    String version = LauncherIT.sop(dir, "--version").out().strip().replace("sop ", "");
    assertTrue(version.matches("\\d+\\.\\d+\\.\\d+"), version);
    assertEquals(version, driver.path("version").asText(), "the jar's version, not 'dev'");

    LauncherIT.Result base = LauncherIT.sop(dir, "validate", "sops", "--base", "main", "--format", "github");
    assertEquals(1, base.exit(), base.err());
    assertTrue(base.out().startsWith("::error file=sops/a.yaml,line=10,col=11,title=[unknown-reference]::"), base.out());

    LauncherIT.Result diff = LauncherIT.sop(dir, "diff", "main", "--format", "markdown");
    assertEquals(0, diff.exit(), diff.err());
    assertTrue(diff.out().startsWith("**"), diff.out());
  }
}
