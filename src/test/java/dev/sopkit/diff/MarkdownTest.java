package dev.sopkit.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownTest {
  @Test
  void textCannotBreakATableOrAddMarkup() {
    assertEquals(
        "a \\| b \\<img src=x\\> \\[l\\]\\(u\\) \\*x\\* \\@team \\`c\\` line",
        Markdown.text("a | b <img src=x> [l](u) *x* @team `c`\nline"));
  }

  @Test
  void plainIdsAreCode() {
    assertEquals("`CS-RET-001`", Markdown.code("CS-RET-001"));
    assertEquals("a\\`b", Markdown.code("a`b"));
    assertEquals("", Markdown.code(null));
  }
}
