package dev.sopkit.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The running header's strings come from SOP files: they must not end the CSS string or style. */
class CssStringTest {
  @Test
  void quotesBackslashesTagsAndLineBreaksAreEscaped() {
    String css = Site.cssString("a\"b\\c</style><script>x\n·");
    assertEquals("\"a\\22 b\\5c c\\3c /style\\3e \\3c script\\3e x\\a \\b7 \"", css);
    assertFalse(css.substring(1, css.length() - 1).contains("\""));
    assertFalse(css.contains("<"));
  }

  @Test
  void plainTextStaysReadable() {
    assertEquals("\"CS-PAY-001 version 2.0.2\"", Site.cssString("CS-PAY-001 version 2.0.2"));
  }
}
