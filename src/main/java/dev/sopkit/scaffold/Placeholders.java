package dev.sopkit.scaffold;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * The sentences by the first character of their text, so that a text is compared only with the
   * sentences that start like it (on 10,000 SOPs the rule took about a fifth less CPU than when
   * every sentence was tried on every text); those that start with a placeholder are in {@link #ANY_START}.
   */
  private static final Map<Character, List<Sentence>> BY_FIRST = byFirst(SENTENCES);

  private static final List<Sentence> ANY_START =
      SENTENCES.stream().filter(s -> s.prefix().isEmpty()).toList();

  private Placeholders() {}

  /**
   * One template sentence: the regular expression that decides, and the literal text before its
   * first and after its last placeholder. Every SOP's every text is tested against every sentence,
   * and almost none starts and ends like one, so those two comparisons spare running the
   * expression (a fifth of the rules' time on 10,000 SOPs went to it).
   */
  private record Sentence(String prefix, String suffix, Pattern pattern) {
    /** Whether {@code text} between {@code from} and {@code to} is this sentence. */
    boolean matches(String text, int from, int to) {
      return to - from >= prefix.length() + suffix.length()
          && text.startsWith(prefix, from)
          && text.startsWith(suffix, to - suffix.length())
          && pattern.matcher(text).region(from, to).matches();
    }
  }

  /** Whether {@code text} is a template sentence left as written (spaces at either end ignored). */
  public static boolean matches(String text) {
    // The bounds String.strip would keep, without copying the text (most texts are not stripped).
    int from = 0;
    int to = text.length();
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    if (from == to) {
      return anyMatches(ANY_START, text, from, to);
    }
    return anyMatches(BY_FIRST.getOrDefault(text.charAt(from), List.of()), text, from, to)
        || anyMatches(ANY_START, text, from, to);
  }

  private static boolean anyMatches(List<Sentence> sentences, String text, int from, int to) {
    for (Sentence s : sentences) {
      if (s.matches(text, from, to)) {
        return true;
      }
    }
    return false;
  }

  private static Map<Character, List<Sentence>> byFirst(List<Sentence> sentences) {
    Map<Character, List<Sentence>> out = new HashMap<>();
    for (Sentence s : sentences) {
      if (!s.prefix().isEmpty()) {
        out.computeIfAbsent(s.prefix().charAt(0), c -> new ArrayList<>()).add(s);
      }
    }
    return out;
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
