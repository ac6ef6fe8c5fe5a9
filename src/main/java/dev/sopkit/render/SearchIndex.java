package dev.sopkit.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The client-side search index: a script that sets {@code window.SOP_SEARCH}. A script rather than
 * a JSON file because browsers refuse {@code fetch()} of local files, and the handbook must work
 * when opened from the file system.
 */
final class SearchIndex {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SearchIndex() {}

  /**
   * One search hit: {@code url} is relative to the site root; {@code words} and {@code passages}
   * are what matches. A passage is also what the result quotes around the match, and links to.
   */
  record Entry(
      String kind, String title, String context, String url, List<String> words, List<Passage> passages) {
    Entry(String kind, String title, String context, String url, List<String> words) {
      this(kind, title, context, url, words, List.of());
    }
  }

  /**
   * A text a result can quote, as written: {@code label} says where it is ("Step 3") and {@code
   * anchor} (null: the page's top) is the fragment of the page that shows it.
   */
  record Passage(String label, String text, String anchor) {}

  /** Writes the script entry by entry: the index of a large handbook is tens of megabytes. */
  static void write(List<Entry> entries, Writer out) throws IOException {
    out.write("window.SOP_SEARCH = [");
    String comma = "";
    for (Entry e : entries) {
      ObjectNode o = JSON.createObjectNode();
      o.put("k", e.kind());
      o.put("t", e.title());
      if (e.context() != null) {
        o.put("c", e.context());
      }
      o.put("u", e.url());
      StringBuilder text = new StringBuilder();
      e.words().stream()
          .filter(Objects::nonNull)
          .forEach(w -> text.append(w.toLowerCase(Locale.ROOT)).append('\n'));
      o.put("x", text.toString().strip());
      // Kept as written, not lower-cased into x as well: the script lower-cases them once, so a
      // step's text is in the index once.
      if (!e.passages().isEmpty()) {
        ArrayNode passages = o.putArray("p");
        for (Passage p : e.passages()) {
          ObjectNode n = passages.addObject();
          n.put("l", p.label());
          n.put("t", p.text());
          if (p.anchor() != null) {
            n.put("a", p.anchor());
          }
        }
      }
      // "</" is escaped so the text stays inert even if someone inlines the script into a page.
      out.write(comma);
      out.write(JSON.writeValueAsString(o).replace("</", "<\\/"));
      comma = ",";
    }
    out.write("];\n");
  }
}
