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
  private static final List<Sentence> SENTENCES = load();

  private Placeholders() {}

  /**
   * One template sentence: the regular expression that decides, and the literal text before its
   * first and after its last placeholder. Every SOP's every text is tested against every sentence,
   * and almost none starts and ends like one, so those two comparisons spare running the
   * expression (which cost most of the rules' time on 10,000 SOPs).
   */
  private record Sentence(String prefix, String suffix, Pattern pattern) {
    boolean matches(String t) {
      return t.length() >= prefix.length() + suffix.length()
          && t.startsWith(prefix)
          && t.endsWith(suffix)
          && pattern.matcher(t).matches();
    }
  }

  /** Whether {@code text} is a template sentence left as written (spaces at either end ignored). */
  public static boolean matches(String text) {
    String t = text.strip();
    for (Sentence s : SENTENCES) {
      if (s.matches(t)) {
        return true;
      }
    }
    return false;
  }

  private static List<Sentence> load() {
    YAMLMapper yaml = new YAMLMapper();
    List<Sentence> out = new ArrayList<>();
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

  private static void add(List<Sentence> out, JsonNode node) {
    if (!node.isTextual()) {
      return;
    }
    String text = node.textValue().strip();
    Matcher m = NewSop.PLACEHOLDER.matcher(text);
    StringBuilder regex = new StringBuilder();
    int from = 0;
    String prefix = null;
    while (m.find()) {
      String literal = text.substring(from, m.start());
      if (prefix == null) {
        prefix = literal;
      }
      regex.append(Pattern.quote(literal)).append(".+");
      from = m.end();
    }
    String suffix = text.substring(from);
    regex.append(Pattern.quote(suffix));
    // Without a placeholder the sentence is all prefix; the suffix then must not count twice.
    out.add(
        new Sentence(
            prefix == null ? suffix : prefix,
            prefix == null ? "" : suffix,
            Pattern.compile(regex.toString(), Pattern.DOTALL)));
  }
}
