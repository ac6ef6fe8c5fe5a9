package dev.sopkit.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  static String script(List<Entry> entries) {
    ArrayNode array = JSON.createArrayNode();
    for (Entry e : entries) {
      ObjectNode o = array.addObject();
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
    }
    try {
      // "</" is escaped so the text stays inert even if someone inlines the script into a page.
      String json = JSON.writeValueAsString(array).replace("</", "<\\/");
      return "window.SOP_SEARCH = " + json + ";\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
