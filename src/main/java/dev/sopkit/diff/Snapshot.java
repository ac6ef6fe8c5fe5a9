package dev.sopkit.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sopkit.diag.Diagnostic;
import dev.sopkit.load.ParsedYaml;
import dev.sopkit.load.RepoScanner;
import dev.sopkit.load.SourceFile;
import dev.sopkit.load.YamlLoader;
import dev.sopkit.model.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One side of a comparison: the workspace as checked, its findings, and each SOP's content without
 * its {@code version} and {@code review} (to tell a real change from a re-formatting or a recorded
 * review, and to catch a change whose version was not raised).
 *
 * @param unreadable files that could not be read as YAML: their SOPs are missing from this side
 */
public record Snapshot(
    Workspace workspace,
    List<Diagnostic> findings,
    Map<String, JsonNode> contentBySop,
    List<String> unreadable) {

  /** A side without any SOP: the base of a repository that did not exist yet. */
  public static Snapshot empty(Workspace ws) {
    return new Snapshot(ws, List.of(), Map.of(), List.of());
  }

  /** @param listing the files {@code ws} and {@code findings} were made from */
  public static Snapshot of(RepoScanner.Listing listing, Workspace ws, List<Diagnostic> findings) {
    Map<String, JsonNode> content = new HashMap<>();
    List<String> unreadable = new ArrayList<>();
    for (SourceFile f : listing.sops()) {
      ParsedYaml doc = YamlLoader.load(f);
      if (!doc.ok()) {
        unreadable.add(f.display());
        continue;
      }
      JsonNode id = doc.root().path("id");
      if (doc.root() instanceof ObjectNode o && id.isTextual()) {
        ObjectNode meaning = o.deepCopy();
        meaning.remove("version");
        // Recording a review (review.last) is bookkeeping, not a change that needs a new version.
        meaning.remove("review");
        content.putIfAbsent(id.textValue(), meaning); // first in path order, as Workspace does
      }
    }
    return new Snapshot(ws, findings, content, List.copyOf(unreadable));
  }
}
