package dev.sopkit.lint;

import dev.sopkit.diag.RuleInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The rule pages (docs/rules/ID.md), which the build packs into the jar under dev/sopkit/rules/. */
public final class RuleDocs {
  private static final String PACKAGE = "/dev/sopkit/rules/";

  private RuleDocs() {}

  /** The page of a rule, or null when the jar carries none. */
  public static String markdown(String id) {
    try (InputStream in = RuleDocs.class.getResourceAsStream(PACKAGE + id + ".md")) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The first paragraph of prose on a page (after the title and the severity line), joined into
   * one line; null when there is none.
   */
  public static String description(String markdown) {
    if (markdown == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (String line : markdown.split("\n", -1)) {
      String l = line.strip();
      if (l.isEmpty()) {
        if (out.length() > 0) {
          break;
        }
        continue;
      }
      if (out.length() == 0 && (l.startsWith("#") || l.startsWith("**Severity:**"))) {
        continue;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(l);
    }
    return out.length() == 0 ? null : out.toString();
  }

  /** Every registered rule with its page, in documentation order. */
  public static List<RuleInfo> infos(String helpBase) {
    List<RuleInfo> out = new ArrayList<>();
    for (RuleMeta m : RuleRegistry.metas()) {
      String page = markdown(m.id());
      out.add(
          new RuleInfo(
              m.id(),
              m.defaultSeverity(),
              m.summary(),
              description(page),
              page,
              helpBase + m.id() + ".md"));
    }
    return out;
  }
}
