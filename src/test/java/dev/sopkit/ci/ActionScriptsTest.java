package dev.sopkit.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell steps of action.yml, run here as the runner runs them: each script of scripts/action/
 * with the environment GitHub gives it (a fake pull request event in GITHUB_EVENT_PATH, the files
 * behind GITHUB_OUTPUT and GITHUB_PATH), and fake {@code sop}, {@code gh}, {@code curl} and
 * {@code make} first on PATH that record how they were called.
 */
class ActionScriptsTest {
  static final Path SCRIPTS = Path.of("scripts/action").toAbsolutePath();

  @TempDir Path dir;
  Path bin;
  Path log;
  Map<String, String> env;

  @BeforeEach
  void runner() throws IOException {
    bin = Files.createDirectories(dir.resolve("bin"));
    log = dir.resolve("calls.log");
    Files.writeString(log, "");
    Path temp = Files.createDirectories(dir.resolve("runner-temp"));
    Path event = dir.resolve("event.json");
    Files.writeString(event, "{\"action\": \"synchronize\", \"pull_request\": {\"number\": 7}}");
    env = new HashMap<>();
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put("CALLS", log.toString());
    env.put("RUNNER_TEMP", temp.toString());
    env.put("GITHUB_OUTPUT", dir.resolve("output").toString());
    env.put("GITHUB_PATH", dir.resolve("path").toString());
    env.put("GITHUB_EVENT_PATH", event.toString());
    env.put("GITHUB_REPOSITORY", "acme/sops");
    // A fake sop: one finding and exit code $SOP_FAKE_EXIT, whatever the format.
    fake("sop", "echo \"sop $*\" >> \"$CALLS\"\n"
        + "echo 'sops/cs/refund.yaml:9:11: error [unknown-reference] unknown role clerk'\n"
        + "exit \"${SOP_FAKE_EXIT:-0}\"");
    // A fake gh: the comment listing prints $GH_FAKE_IDS (what --jq would leave), a write keeps
    // its --input payload; $GH_FAKE_FAIL makes writes fail as with a read-only token.
    fake("gh", "echo \"gh $*\" >> \"$CALLS\"\n"
        + "case \"$*\" in *--paginate*) printf '%s' \"${GH_FAKE_IDS:-}\"; exit 0;; esac\n"
        + "[ -z \"${GH_FAKE_FAIL:-}\" ] || exit 1\n"
        + "while [ $# -gt 0 ]; do [ \"$1\" = --input ] && cp \"$2\" \"$CALLS.payload\"; shift; done\n"
        + "exit 0");
  }

  @Test
  void failingValidationStillPostsACommentThatSaysSo() throws Exception {
    env.put("SOP_FAKE_EXIT", "1");
    env.put("SOP_ROOT", "sops");
    env.put("SOP_FORMAT", "github");
    env.put("SOP_ARGS", "--today 2026-11-22");
    env.put("SOP_SARIF_FILE", dir.resolve("sop.sarif").toString());
    Run validate = run("validate.sh");
    assertEquals(1, validate.exit, validate.out);
    Map<String, String> outputs = outputs();
    assertEquals("1", outputs.get("exit-code"));
    assertTrue(Files.exists(dir.resolve("sop.sarif")), "the SARIF file is written on failure too");
    String calls = Files.readString(log);
    assertTrue(calls.contains("sop validate sops --cache-dir .sop-cache --today 2026-11-22 --format github"), calls);
    assertTrue(calls.contains("--format sarif"), calls);

    // The next step gets the outputs of this one, as action.yml passes them.
    env.put("SOP_EXIT_CODE", outputs.get("exit-code"));
    env.put("SOP_REPORT", outputs.get("report"));
    Run comment = run("comment.sh");
    assertEquals(0, comment.exit, comment.out);
    assertTrue(Files.readString(log).contains("gh api -X POST repos/acme/sops/issues/7/comments"), Files.readString(log));
    String body = payloadBody();
    assertTrue(body.startsWith("<!-- sop-action -->\n### sop validate failed"), body);
    assertTrue(body.contains("error [unknown-reference] unknown role clerk"), body);
  }

  @Test
  void anExistingCommentIsEditedInPlace() throws Exception {
    env.put("GH_FAKE_IDS", "4242\n");
    env.put("SOP_EXIT_CODE", "0");
    Run comment = run("comment.sh");
    assertEquals(0, comment.exit, comment.out);
    String calls = Files.readString(log);
    assertTrue(calls.contains("gh api -X PATCH repos/acme/sops/issues/comments/4242"), calls);
    assertTrue(!calls.contains("-X POST"), "one comment per pull request: " + calls);
    assertTrue(payloadBody().contains("### sop validate passed"), payloadBody());
  }

  @Test
  void aJobThatFailedBeforeValidationSaysValidationDidNotRun() throws Exception {
    Run comment = run("comment.sh");
    assertEquals(0, comment.exit, comment.out);
    assertTrue(payloadBody().contains("### sop validate did not run"), payloadBody());
  }

  @Test
  void aReadOnlyTokenWarnsInsteadOfFailing() throws Exception {
    env.put("GH_FAKE_FAIL", "1");
    env.put("SOP_EXIT_CODE", "1");
    Run comment = run("comment.sh");
    assertEquals(0, comment.exit, comment.out);
    assertTrue(comment.out.contains("::warning title=sop::could not post the comment on pull request #7"), comment.out);
  }

  @Test
  void emptyArgumentsAndNoBaseStillRun() throws Exception {
    env.put("SOP_CACHE", "false");
    Run validate = run("validate.sh");
    assertEquals(0, validate.exit, validate.out);
    assertTrue(Files.readString(log).startsWith("sop validate --no-cache --format github\n"), Files.readString(log));
  }

  @Test
  void aReleaseRefTakesTheReleaseBundle() throws Exception {
    Path zip = dir.resolve("bundle.zip");
    try (OutputStream o = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(o)) {
      z.putNextEntry(new ZipEntry("sop-0.1.0/bin/sop"));
      z.write("#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    // A fake curl that "downloads" the bundle to its -o file.
    fake("curl", "echo \"curl $*\" >> \"$CALLS\"\n"
        + "while [ $# -gt 0 ]; do [ \"$1\" = -o ] && cp " + zip + " \"$2\"; shift; done");
    fake("make", "echo \"make $*\" >> \"$CALLS\"");
    env.put("GITHUB_ACTION_PATH", "/actions/sop");
    env.put("GITHUB_ACTION_REF", "v0.1.0");
    env.put("GITHUB_ACTION_REPOSITORY", "acme/sop");
    Run install = run("install.sh");
    assertEquals(0, install.exit, install.out);
    String calls = Files.readString(log);
    assertTrue(calls.contains("https://github.com/acme/sop/releases/download/v0.1.0/sop-0.1.0.zip"), calls);
    assertTrue(!calls.contains("make"), "no build when the release has a bundle: " + calls);
    Path path = Path.of(Files.readString(dir.resolve("path")).strip());
    assertTrue(Files.exists(path.resolve("sop")), path.toString());
  }

  @Test
  void noBundleFallsBackToTheBuild() throws Exception {
    fake("curl", "echo \"curl $*\" >> \"$CALLS\"; exit 22");
    fake("make", "echo \"make $*\" >> \"$CALLS\"");
    env.put("GITHUB_ACTION_PATH", "/actions/sop");
    env.put("GITHUB_ACTION_REF", "v0.1.0");
    env.put("GITHUB_ACTION_REPOSITORY", "acme/sop");
    Run install = run("install.sh");
    assertEquals(0, install.exit, install.out);
    assertTrue(Files.readString(log).contains("make -C /actions/sop build"), Files.readString(log));
    assertEquals("/actions/sop/bin\n", Files.readString(dir.resolve("path")));
  }

  /** action.yml runs these very scripts, and its comment step runs whatever validation found. */
  @Test
  void actionYmlRunsTheScriptsAndCommentsOnFailure() throws IOException {
    JsonNode steps = new YAMLMapper().readTree(Path.of("action.yml").toFile()).path("runs").path("steps");
    List<String> scripts = new java.util.ArrayList<>();
    for (JsonNode step : steps) {
      String run = step.path("run").asText("");
      if (!run.isEmpty()) {
        String script = run.replaceFirst("^bash \"\\$GITHUB_ACTION_PATH/(scripts/action/[a-z-]+\\.sh)\"$", "$1");
        assertTrue(Files.exists(Path.of(script)), "a step's run is one script of scripts/action/: " + run);
        scripts.add(script);
      }
      if (step.path("name").asText().startsWith("Comment")) {
        assertTrue(step.path("if").asText().startsWith("${{ !cancelled() && "), step.path("if").asText());
      }
    }
    assertEquals(List.of("scripts/action/install.sh", "scripts/action/validate.sh", "scripts/action/comment.sh"), scripts);
  }

  private void fake(String name, String body) throws IOException {
    Path p = bin.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private String payloadBody() throws IOException {
    return new ObjectMapper().readTree(Path.of(log + ".payload").toFile()).path("body").asText();
  }

  private Map<String, String> outputs() throws IOException {
    Map<String, String> out = new HashMap<>();
    for (String line : Files.readAllLines(dir.resolve("output"))) {
      int eq = line.indexOf('=');
      out.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return out;
  }

  record Run(int exit, String out) {}

  private Run run(String script) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("bash", SCRIPTS.resolve(script).toString());
    pb.directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(p.waitFor(), out);
  }
}
