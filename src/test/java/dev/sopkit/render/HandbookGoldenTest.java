package dev.sopkit.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.testing.Cli;
import dev.sopkit.testing.Golden;
import dev.sopkit.testing.Resources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handbook of golden/handbook-basic: every page type (home, department, print, SOP, role, map,
 * search) and the assets, compared file by file with expected/. The fixture is hostile on purpose:
 * markup in names and steps, a javascript: reference, an SOP id with ../ in it, a broken handoff.
 */
class HandbookGoldenTest {
  static final Path CASE = Resources.path("golden/handbook-basic");
  @TempDir Path tmp;

  static Map<String, String> render(Path out, String... extra) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "render", "handbook", "input", "--out", out.toString(), "--today", "2026-11-22",
                "--repo-url", "https://git.example.com/acme/sops/edit/main"));
    args.addAll(List.of(extra));
    Cli.Run run = Cli.run(CASE, args.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    assertTrue(run.out().startsWith("handbook: 25 pages and assets in "), run.out());
    return files(out);
  }

  static Map<String, String> files(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(
            dir.relativize(p).toString().replace('\\', '/'),
            Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  @Test
  void everyPageMatchesItsGoldenFile() throws IOException {
    Map<String, String> actual = render(tmp.resolve("site"));
    Path expected = CASE.resolve("expected");
    if (Golden.updating()) {
      Path source = Golden.source(expected);
      if (Files.exists(source)) {
        try (Stream<Path> walk = Files.walk(source)) {
          walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    } else {
      assertEquals(files(expected).keySet(), actual.keySet(), "the set of files");
    }
    for (Map.Entry<String, String> e : actual.entrySet()) {
      Golden.assertMatches(expected.resolve(e.getKey()), e.getValue());
    }
  }

  @Test
  void theSameInputGivesByteIdenticalFiles() throws IOException {
    assertEquals(render(tmp.resolve("one")), render(tmp.resolve("two")));
  }

  @Test
  void sopTextIsEscapedEverywhere() throws IOException {
    Map<String, String> site = render(tmp.resolve("site"));
    for (Map.Entry<String, String> e : site.entrySet()) {
      if (e.getKey().equals("search-index.js")) {
        continue; // data for textContent, not markup; checked below
      }
      String text = e.getValue();
      assertFalse(text.contains("<script>alert"), e.getKey() + " contains live SOP markup");
      assertFalse(text.contains("<b>ticket"), e.getKey() + " contains live SOP markup");
      assertFalse(text.contains("href=\"javascript:"), e.getKey() + " links to javascript:");
    }
    assertTrue(site.get("sops/sup-tic-001.html").contains("Read the ticket. &lt;script&gt;"));
    String index = site.get("search-index.js");
    assertTrue(index.contains("<\\/script>") && !index.contains("</"), "index keeps </ inert");
  }

  @Test
  void idsCannotEscapeTheOutputFolder() throws IOException {
    Path out = tmp.resolve("deep/site");
    Map<String, String> site = render(out);
    assertTrue(site.containsKey("sops/evil.html"), site.keySet().toString());
    try (Stream<Path> walk = Files.walk(tmp)) {
      List<Path> outside =
          walk.filter(Files::isRegularFile).filter(p -> !p.startsWith(out)).toList();
      assertEquals(List.of(), outside);
    }
  }

  @Test
  void homeShowsFindingsOverdueReviewsAndRecentChanges() throws IOException {
    String home = render(tmp.resolve("site")).get("index.html");
    assertTrue(home.contains("2 errors, 2 warnings in 5 files"), "finding summary");
    assertTrue(home.contains("no SOP of &#39;sales&#39; outputs &#39;approval&#39;"), "a finding");
    assertTrue(home.contains("2025-07-15 <span class=\"muted\">(495 days)</span>"), "overdue review");
    assertTrue(
        home.indexOf("FIN-REF-001") < home.indexOf("SUP-TIC-001", home.indexOf("Recent changes")),
        "recent changes newest first");
  }

  @Test
  void noFindingsLeavesThemOffTheOverviewForAStaffSite() throws IOException {
    String home = render(tmp.resolve("site"), "--no-findings").get("index.html");
    assertFalse(home.contains("Open findings"), "no findings section");
    assertFalse(home.contains("outputs &#39;approval&#39;"), "no finding text");
    assertTrue(home.contains("2025-07-15 <span class=\"muted\">(495 days)</span>"), "the rest of the overview stays");
  }

  @Test
  void theOverviewCountsDepartmentsAndExternalPartiesApart() throws IOException {
    String home = render(tmp.resolve("site")).get("index.html");
    assertTrue(home.contains("<li><strong>3</strong> departments</li>"), home);
    assertTrue(home.contains("<li><strong>1</strong> external party</li>"), home);
  }

  @Test
  void sopPageLinksHandoffsAndShowsBrokenOnes() throws IOException {
    Map<String, String> site = render(tmp.resolve("site"));
    String refund = site.get("sops/fin-ref-001.html");
    assertTrue(refund.contains("handed over by <span class=\"id\">SUP-TIC-001</span> <a href=\"../sops/sup-tic-001.html\""), refund);
    assertTrue(refund.contains("no SOP hands this over"), "broken input shown");
    String ticket = site.get("sops/sup-tic-001.html");
    assertTrue(ticket.contains("picked up by <span class=\"id\">FIN-REF-001</span>"), ticket);
    assertTrue(site.get("sops/sal-quo-001.html").contains("no SOP picks this up"));
  }
}
