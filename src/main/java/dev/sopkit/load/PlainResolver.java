package dev.sopkit.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * snakeyaml's {@link Resolver}, answering "text" without running a regular expression where none
 * of its implicit types can apply. snakeyaml files each implicit type (booleans, numbers, null,
 * timestamps...) under the characters its values can start with, and skips a type for a value
 * longer than the type's limit; most plain scalars of an SOP (names, sentences) start with a
 * character no type is filed under, or are longer than every type filed under theirs.
 *
 * <p>This class learns those characters and limits from snakeyaml's own registration, as it
 * happens, so a snakeyaml that types more is followed. A type snakeyaml tries on every value (filed
 * under no character, or under {@code \0}) is understood only when its expression is a list of
 * literal words ({@code ^(?:~|null|Null|NULL| )$}, {@code ^$}): their first characters count as
 * where it is filed. Any other such type turns the shortcut off, and snakeyaml answers every time.
 */
final class PlainResolver extends Resolver {
  /** An expression that is one of a few literal words, the only kind understood on every value. */
  private static final Pattern WORDS = Pattern.compile("\\^(?:\\(\\?:([^\\\\^$.?*+()\\[\\]{}]*)\\))?\\$");

  /** The longest value each first character has a type for; filled while the superclass registers. */
  private Map<Character, Integer> limits;
  /** A type snakeyaml tries on every value: its expression and limit. */
  private record Everywhere(Pattern regexp, int limit) {}

  /** Types tried on every value. */
  private List<Everywhere> everyValue;
  /** Whether the shortcut may answer: every type tried on every value was understood. */
  private final boolean understood;

  PlainResolver() {
    super(); // registers the implicit types, through addImplicitResolver below
    boolean ok = true;
    for (Everywhere type : everyValue) {
      Matcher m = WORDS.matcher(type.regexp().pattern());
      if (!m.matches()) {
        ok = false;
        continue;
      }
      if (m.group(1) != null) {
        for (String word : m.group(1).split("\\|", -1)) {
          if (!word.isEmpty()) {
            limits.merge(word.charAt(0), type.limit(), Math::max);
          }
        }
      }
    }
    this.understood = ok;
  }

  @Override
  public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
    // Called from the superclass's constructor, before this class's fields are initialised.
    if (limits == null) {
      limits = new HashMap<>();
      everyValue = new ArrayList<>();
    }
    if (first == null) {
      everyValue.add(new Everywhere(regexp, limit));
    } else {
      for (char c : first.toCharArray()) {
        if (c == '\0') { // snakeyaml files \0 under no character: tried on every value
          everyValue.add(new Everywhere(regexp, limit));
        } else {
          limits.merge(c, limit, Math::max);
        }
      }
    }
    super.addImplicitResolver(tag, regexp, first, limit);
  }

  /** Whether snakeyaml would type the non-empty plain scalar {@code value} as text, known cheaply. */
  boolean surelyText(String value) {
    if (value.isEmpty() || !understood) {
      return false;
    }
    Integer limit = limits.get(value.charAt(0));
    return limit == null || value.length() > limit;
  }

  /** The tag of a plain scalar, as {@link #resolve} gives it. */
  Tag plain(String value) {
    return surelyText(value) ? Tag.STR : resolve(NodeId.scalar, value, true);
  }
}
