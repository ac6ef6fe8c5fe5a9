package dev.sopkit.scaffold;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentences {@code sop new} writes for the author to replace: each template's purpose, step
 * instructions and promise descriptions. Read from the templates themselves, so that changing a
 * template changes what counts as left unedited. A template's {@code {{name}}} (the department
 * handed over to, say) matches any text.
 */
public final class Placeholders {
  private static final List<Pattern> PATTERNS = load();

  private Placeholders() {}

  /** Whether {@code text} is a template sentence left as written (spaces at either end ignored). */
  public static boolean matches(String text) {
    String t = text.strip();
    return PATTERNS.stream().anyMatch(p -> p.matcher(t).matches());
  }

  private static List<Pattern> load() {
    YAMLMapper yaml = new YAMLMapper();
    List<Pattern> out = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      JsonNode tree;
      try {
        tree = yaml.readTree(NewSop.template(kind));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("template " + kind.id() + " is not valid YAML", e);
      }
      add(out, tree.path("purpose"));
      tree.path("steps").forEach(step -> add(out, step.path("do")));
      tree.path("promises").forEach(promise -> add(out, promise.path("description")));
    }
    return List.copyOf(out);
  }

  private static void add(List<Pattern> out, JsonNode node) {
    if (!node.isTextual()) {
      return;
    }
    String text = node.textValue().strip();
    Matcher m = NewSop.PLACEHOLDER.matcher(text);
    StringBuilder regex = new StringBuilder();
    int from = 0;
    while (m.find()) {
      regex.append(Pattern.quote(text.substring(from, m.start()))).append(".+");
      from = m.end();
    }
    regex.append(Pattern.quote(text.substring(from)));
    out.add(Pattern.compile(regex.toString(), Pattern.DOTALL));
  }
}
