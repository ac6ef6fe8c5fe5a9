package dev.sopkit.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.check.RepoCheck;
import dev.sopkit.load.RepoScanner;
import dev.sopkit.model.Workspace;
import dev.sopkit.testing.Cli;
import dev.sopkit.time.Calendars;
import dev.sopkit.time.Timeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
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

  private static final Pattern CLOSED =
      Pattern.compile("<g class=\"closed\"><title>(.+?) closed from (\\w{3} [0-9-]{10} [0-9:]{5}) to (\\w{3} [0-9-]{10} [0-9:]{5}) ([\\w/]+)</title>");

  @Test
  void theTimeAxisShadesTheHoursEachDepartmentIsClosed() throws IOException {
    String html = Files.readString(site.resolve("journey.html"));
    assertTrue(html.contains("Closed time is shaded as for a journey that starts "), html);
    Workspace ws =
        RepoCheck.run(RepoScanner.scan(Path.of("sops"), Path.of("sops")), LocalDate.of(2026, 11, 22)).workspace();
    Calendars calendars = Calendars.of(ws.org());
    Map<String, String> byName = new HashMap<>();
    ws.org().departments().forEach(d -> byName.put(d.name() == null ? d.id().value() : d.name(), d.id().value()));
    DateTimeFormatter f = DateTimeFormatter.ofPattern("EEE uuuu-MM-dd HH:mm", Locale.ROOT);
    Map<String, List<long[]>> perLane = new TreeMap<>();
    Matcher m = CLOSED.matcher(html);
    while (m.find()) {
      ZoneId zone = ZoneId.of(m.group(4));
      long from = LocalDateTime.parse(m.group(2), f).atZone(zone).toEpochSecond();
      long to = LocalDateTime.parse(m.group(3), f).atZone(zone).toEpochSecond();
      assertTrue(to > from, m.group());
      perLane.computeIfAbsent(byName.get(m.group(1)), k -> new ArrayList<>()).add(new long[] {from, to});
    }
    for (Map.Entry<String, List<long[]>> lane : perLane.entrySet()) {
      List<long[]> stretches = lane.getValue();
      Timeline t =
          new Timeline(
              calendars.ofDepartment(lane.getKey()),
              LocalDate.ofInstant(java.time.Instant.ofEpochSecond(stretches.get(0)[0]), java.time.ZoneOffset.UTC).minusDays(7));
      for (int i = 0; i < stretches.size(); i++) {
        long[] c = stretches.get(i);
        String what = lane.getKey() + " " + i + " of " + stretches.size();
        assertEquals(0, t.between(c[0], c[1]), what + ": closed all through");
        // Open either side, but where the axis starts or ends (the first and the last stretch).
        if (i > 0) {
          assertEquals(60, t.between(c[0] - 60, c[0]), what + ": open just before");
        }
        if (i < stretches.size() - 1) {
          assertEquals(60, t.between(c[1], c[1] + 60), what + ": open just after");
        }
      }
    }
    // Customer service works 24/7: nothing shaded; finance keeps office hours: its nights are.
    assertEquals(null, perLane.get("customer-service"), perLane.keySet().toString());
    assertTrue(perLane.getOrDefault("finance", List.of()).size() >= 2, perLane.keySet().toString());
  }
}
