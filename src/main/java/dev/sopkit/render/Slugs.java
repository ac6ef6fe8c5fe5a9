package dev.sopkit.render;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * File names and anchors for ids. An id comes from a user's file, so it is reduced to lower-case
 * letters, digits and dashes: no {@code ../}, no slash, no dot file, and no two names that differ
 * only in case (which collide on macOS and Windows). Clashes after reduction get a numbered suffix,
 * assigned in sorted id order so the same ids always get the same names.
 */
final class Slugs {
  private final Map<String, String> byId = new HashMap<>(); // looked up for every link: no tree

  Slugs(Iterable<String> ids) {
    Set<String> sorted = new java.util.TreeSet<>();
    ids.forEach(sorted::add);
    Set<String> taken = new HashSet<>();
    for (String id : sorted) {
      String base = reduce(id);
      String slug = base;
      for (int n = 2; !taken.add(slug); n++) {
        slug = base + "-" + n;
      }
      byId.put(id, slug);
    }
  }

  static String reduce(String id) {
    String s = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > 80) {
      s = s.substring(0, 80).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "item" : s;
  }

  /** The slug of a known id; an unknown id is reduced on the spot (it has no page of its own). */
  String of(String id) {
    String slug = byId.get(id);
    return slug != null ? slug : reduce(id);
  }

  boolean has(String id) {
    return byId.containsKey(id);
  }
}
