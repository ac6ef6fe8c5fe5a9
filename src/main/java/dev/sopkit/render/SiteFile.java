package dev.sopkit.render;

import java.io.IOException;
import java.io.Writer;

/**
 * One file of a site: its path relative to the site's folder, and how to write its text. The text
 * is made when {@link SiteWriter} writes the file, so a site of thousands of pages never sits in
 * memory whole.
 */
public record SiteFile(String path, Content content) {
  /** Writes a file's text; it may run on any thread, so it reads shared data only. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Writer out) throws IOException;
  }
}
