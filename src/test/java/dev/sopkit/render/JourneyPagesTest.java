package dev.sopkit.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journey pages of the sample library, and step text that names another SOP. */
class JourneyPagesTest {
  @TempDir static Path tmp;
  static Path site;

  @BeforeAll
  static void render() {
    site = tmp.resolve("site");
    Cli.Run run =
        Cli.run(Path.of("").toAbsolutePath(), "render", "handbook", "sops", "--out", site.toString(), "--today", "2026-11-22");
    assertEquals(0, run.exit(), run.err());
  }

  private static final Pattern ROW =
      Pattern.compile("<tr><td><span class=\"id\">([^<]+)</span>.*?</td><td>.*?</td><td>([^<]+)</td><td>([^<]+)</td></tr>");

  /** SOP id to {worst-case start, finish} in minutes, read back from the page's table. */
  private static Map<String, long[]> rows(String html) {
    Map<String, long[]> out = new HashMap<>();
    Matcher m = ROW.matcher(html);
    while (m.find()) {
      out.put(m.group(1), new long[] {minutes(m.group(2)), minutes(m.group(3))});
    }
    return out;
  }

  static long minutes(String words) {
    long total = 0;
    Matcher m = Pattern.compile("(\\d+) (days?|h|min|s)").matcher(words);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      total += switch (m.group(2)) {
        case "day", "days" -> n * 1440;
        case "h" -> n * 60;
        case "min" -> n;
        default -> 0;
      };
    }
    return total;
  }

  @Test
  void theWholeJourneyPlacesEverySopAfterWhatHandsItItsInputs() throws IOException {
    String html = Files.readString(site.resolve("journey.html"));
    Map<String, long[]> rows = rows(html);
    assertEquals(35, rows.size(), rows.keySet().toString());
    int bars = html.split("<g class=\"bar\">", -1).length - 1;
    assertEquals(35, bars);
    // RET-INS-001 inspects the parcel that LOG-RPU-001 brings back: it starts when that one ends.
    assertTrue(rows.get("RET-INS-001")[0] >= rows.get("LOG-RPU-001")[1], html);
    // FIN-RFD-001 refunds on RET-INS-001's refund request.
    assertTrue(rows.get("FIN-RFD-001")[0] >= rows.get("RET-INS-001")[1]);
    for (long[] r : rows.values()) {
      assertTrue(r[1] >= r[0]);
    }
    assertTrue(html.contains("class=\"deadline"), "promise deadlines are drawn");
    assertTrue(html.contains("<g class=\"lane\">"));
  }

  @Test
  void aStagePageHasOnlyThatStagesSops() throws IOException {
    String html = Files.readString(site.resolve("journey/refund.html"));
    Map<String, long[]> rows = rows(html);
    assertTrue(rows.containsKey("CS-PAY-001"), rows.keySet().toString());
    assertTrue(rows.size() < 35, rows.keySet().toString());
    assertTrue(html.contains("<strong aria-current=\"page\">refund</strong>"), "the stage nav marks this stage");
  }

  @Test
  void stepTextNamingAnotherSopLinksToIt() throws IOException {
    String html = Files.readString(site.resolve("sops/cs-phn-001.html"));
    assertTrue(
        html.contains("(<a class=\"sop-ref\" href=\"../sops/cs-pay-001.html\" title=\"Handle a double-charge or payment complaint (urgent)\">CS-PAY-001</a>)"),
        html);
  }
}
