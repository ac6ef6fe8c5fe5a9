package dev.sopkit.lint;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.testing.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every rule is complete: a good id and summary, a doc page, and passing and failing fixtures. */
class RuleCatalogTest {
  private static final Path DOCS = Path.of("docs/rules");

  @Test
  void everyRuleIsDocumentedAndHasFixtures() throws IOException {
    Set<String> seen = new HashSet<>();
    for (RuleMeta meta : RuleRegistry.metas()) {
      String id = meta.id();
      assertTrue(seen.add(id), "duplicate rule id " + id);
      assertTrue(id.matches("[a-z]+(-[a-z]+)*"), "rule id must be kebab-case: " + id);
      String summary = meta.summary();
      assertFalse(summary.isEmpty(), id + ": empty summary");
      assertTrue(Character.isLowerCase(summary.charAt(0)), id + ": summary starts lowercase");
      assertFalse(summary.endsWith("."), id + ": summary has no trailing period");

      Path doc = DOCS.resolve(id + ".md");
      assertTrue(Files.exists(doc), id + ": missing " + doc);
      String text = Files.readString(doc);
      for (String section : List.of("## Why", "## Incorrect", "## Correct", "## Fix")) {
        assertTrue(text.contains(section), id + ": doc page lacks a '" + section + "' section");
      }
      assertTrue(text.contains("```yaml"), id + ": doc page needs YAML examples");

      Path fixtures = Resources.path("lint").resolve(id);
      assertTrue(Files.isDirectory(fixtures), id + ": missing fixtures in lint/" + id);
      try (Stream<Path> cases = Files.list(fixtures)) {
        List<String> names = cases.map(p -> p.getFileName().toString()).toList();
        assertTrue(names.stream().anyMatch(n -> n.startsWith("valid-")), id + ": no valid-* fixture");
        assertTrue(names.stream().anyMatch(n -> n.startsWith("invalid-")), id + ": no invalid-* fixture");
      }
    }
  }

  @Test
  void everyDocPageBelongsToARule() throws IOException {
    try (Stream<Path> pages = Files.list(DOCS)) {
      for (Path page : pages.toList()) {
        String id = page.getFileName().toString().replaceFirst("\\.md$", "");
        assertTrue(RuleRegistry.meta(id) != null, "docs/rules/" + id + ".md documents no rule");
      }
    }
  }
}
