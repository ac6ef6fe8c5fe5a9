package dev.sopkit.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden-file comparison. With {@code -Dgolden.update=true} (make golden) the expected file is
 * rewritten instead, to be reviewed in the diff; golden files are never edited by hand.
 */
public final class Golden {
  private Golden() {}

  public static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  /** The source copy of a test resource, so updates land in src/test/resources, not target/. */
  public static Path source(Path resource) {
    String s = resource.toAbsolutePath().toString().replace('\\', '/');
    String marker = "/target/test-classes/";
    int i = s.indexOf(marker);
    return i < 0 ? resource : Path.of(s.substring(0, i) + "/src/test/resources/" + s.substring(i + marker.length()));
  }

  public static void assertMatches(Path expected, String actual) throws IOException {
    String normalised = actual.replace("\r\n", "\n");
    if (updating()) {
      Path target = source(expected);
      Files.createDirectories(target.getParent());
      Files.writeString(target, normalised, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(expected)) {
      fail("missing golden file " + expected + " (run make golden to create it)\nactual:\n" + normalised);
    }
    String want = Files.readString(expected, StandardCharsets.UTF_8).replace("\r\n", "\n");
    if (!want.equals(normalised)) {
      fail("output differs from " + source(expected) + "\n" + diff(want, normalised));
    }
  }

  /** A small line diff: enough to see what changed without a diff library. */
  public static String diff(String expected, String actual) {
    List<String> a = expected.lines().toList();
    List<String> b = actual.lines().toList();
    StringBuilder out = new StringBuilder("--- expected\n+++ actual\n");
    int i = 0;
    while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
      i++;
    }
    int ea = a.size();
    int eb = b.size();
    while (ea > i && eb > i && a.get(ea - 1).equals(b.get(eb - 1))) {
      ea--;
      eb--;
    }
    out.append("@@ line ").append(i + 1).append(" @@\n");
    for (int k = Math.max(0, i - 2); k < i; k++) {
      out.append(' ').append(a.get(k)).append('\n');
    }
    for (int k = i; k < ea; k++) {
      out.append('-').append(a.get(k)).append('\n');
    }
    for (int k = i; k < eb; k++) {
      out.append('+').append(b.get(k)).append('\n');
    }
    return out.toString();
  }
}
