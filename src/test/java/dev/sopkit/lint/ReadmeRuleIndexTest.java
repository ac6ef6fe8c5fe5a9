package dev.sopkit.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's rule index is generated from RuleRegistry; make golden rewrites it. */
class ReadmeRuleIndexTest {
  private static final Path README = Path.of("README.md");
  private static final String START = "<!-- rules:start -->\n";
  private static final String END = "<!-- rules:end -->";

  static String index() {
    StringBuilder out = new StringBuilder("| Rule | Default | What it checks |\n| --- | --- | --- |\n");
    for (RuleMeta m : RuleRegistry.metas()) {
      out.append("| [`").append(m.id()).append("`](docs/rules/").append(m.id()).append(".md) | ")
          .append(m.defaultSeverity().label()).append(" | ").append(m.summary()).append(" |\n");
    }
    return out.toString();
  }

  @Test
  void readmeListsEveryRule() throws IOException {
    String readme = Files.readString(README);
    int a = readme.indexOf(START);
    int b = readme.indexOf(END);
    assertTrue(a >= 0 && b > a, "README needs the rules:start/rules:end markers");
    String current = readme.substring(a + START.length(), b);
    if (Golden.updating()) {
      Files.writeString(README, readme.substring(0, a + START.length()) + index() + readme.substring(b));
      return;
    }
    assertEquals(index(), current, "README rule index is stale: run make golden");
  }
}
