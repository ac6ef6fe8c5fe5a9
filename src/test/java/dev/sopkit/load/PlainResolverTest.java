package dev.sopkit.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** The shortcut types every plain scalar as snakeyaml's resolver does. */
class PlainResolverTest {
  private static final Resolver SNAKEYAML = new Resolver();
  private static final PlainResolver PLAIN = new PlainResolver();

  @Test
  void namesAndSentencesAreTextWithoutAskingSnakeyaml() {
    assertTrue(PLAIN.surelyText("customer-service"));
    assertTrue(PLAIN.surelyText("Refund the double charge."));
    assertTrue(PLAIN.surelyText("notification-of-refund")); // 'n' files null and booleans up to 10 chars
    assertFalse(PLAIN.surelyText("no"));
    assertFalse(PLAIN.surelyText("null"));
    assertFalse(PLAIN.surelyText("2026-11-22"));
    assertFalse(PLAIN.surelyText("-1"));
    assertFalse(PLAIN.surelyText(""));
    assertFalse(PLAIN.surelyText(" ")); // snakeyaml tries null on every value, and " " is one
  }

  @Test
  void agreesWithSnakeyamlOnEveryKindOfScalar() {
    String[] samples = {
      "yes", "Yes", "NO", "on", "Off", "true", "FALSE", "y", "n", "~", "null", "Null", "NULL", "",
      "0", "-0", "+12", "0x1F", "0o17", "017", "0b101", "1_000", "190:20:30", "1.5", ".5", "-.inf",
      ".NaN", "1e3", "6.8523015e+5", "<<", "2026-11-22", "2001-12-14t21:59:43.10-05:00",
      "2001-12-14 21:59:43.10 -5", "!", "&", "*", "PT2H", "P7D", "customer-service", "CS-RET-001",
      "Notify the customer", "offboarding", "nothing", "tomorrow", "yesterday at noon", " ", "  ",
      "\0", "=",
    };
    for (String s : samples) {
      assertEquals(SNAKEYAML.resolve(NodeId.scalar, s, true), PLAIN.plain(s), s);
    }
    Random r = new Random(11);
    String alphabet = "yYnNtTfFoO~-+0123456789.<!&*:_ xeEabcAZ\0";
    for (int i = 0; i < 100_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = 1 + r.nextInt(14);
      for (int j = 0; j < n; j++) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String s = b.toString();
      Tag expected = SNAKEYAML.resolve(NodeId.scalar, s, true);
      assertEquals(expected, PLAIN.plain(s), s);
    }
  }
}
