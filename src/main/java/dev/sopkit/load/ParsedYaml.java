package dev.sopkit.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sopkit.diag.Diagnostic;

/**
 * The result of reading one file: either a tree with its source map, or the one {@code yaml}
 * problem that stopped reading it.
 */
public record ParsedYaml(JsonNode root, SourceMap map, Diagnostic problem) {
  public boolean ok() {
    return problem == null;
  }
}
