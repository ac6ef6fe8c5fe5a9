package dev.sopkit.render;

import com.fasterxml.jackson.databind.ObjectMapper;
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

  /** One search hit: {@code url} is relative to the site root; {@code words} are what matches. */
  record Entry(String kind, String title, String context, String url, List<String> words) {}

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
      // "</" is escaped so the text stays inert even if someone inlines the script into a page.
      out.write(comma);
      out.write(JSON.writeValueAsString(o).replace("</", "<\\/"));
      comma = ",";
    }
    out.write("];\n");
  }
}
