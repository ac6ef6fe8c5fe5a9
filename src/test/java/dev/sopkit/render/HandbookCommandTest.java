package dev.sopkit.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.testing.Cli;
import dev.sopkit.testing.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sop render handbook} as a user runs it: output folder safety, themes, broken templates. */
class HandbookCommandTest {
  @TempDir Path work;

  @BeforeEach
  void copyFixture() throws IOException {
    Path from = Resources.path("golden/handbook-basic/input");
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path to = work.resolve("sops").resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
  }

  private Cli.Run render(String... extra) {
    String[] base = {"render", "handbook", "sops", "--out", "site", "--today", "2026-11-22"};
    String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
    return Cli.run(work, args);
  }

  @Test
  void rendersAndSaysWhereTheSiteIs() {
    Cli.Run run = render();
    assertEquals(0, run.exit(), run.err());
    assertEquals("handbook: 25 pages and assets in site (open site/index.html)\n", run.out());
    assertTrue(Files.isRegularFile(work.resolve("site/index.html")));
    assertTrue(Files.isRegularFile(work.resolve("site/" + SiteWriter.MANIFEST)));
  }

  @Test
  void rendersAgainOverItsOwnOutput() throws IOException {
    assertEquals(0, render().exit());
    Files.writeString(work.resolve("sops/sales/quote.yaml"), Files.readString(work.resolve("sops/sales/quote.yaml")).replace("Send a quote", "Send an offer"));
    Cli.Run run = render();
    assertEquals(0, run.exit(), run.err());
    assertTrue(Files.readString(work.resolve("site/sops/sal-quo-001.html")).contains("Send an offer"));
    try (Stream<Path> siblings = Files.list(work)) {
      assertEquals(
          java.util.List.of("site", "sops"),
          siblings.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temporary folders left behind");
    }
  }

  @Test
  void refusesAFolderWithFilesItDidNotMake() throws IOException {
    Files.createDirectories(work.resolve("site"));
    Files.writeString(work.resolve("site/notes.txt"), "mine");
    Cli.Run run = render();
    assertEquals(2, run.exit());
    assertEquals(
        "sop: --out 'site' holds files the handbook did not make (such as 'notes.txt');"
            + " choose an empty folder, or use --force to replace it whole\n",
        run.err());
    assertEquals("mine", Files.readString(work.resolve("site/notes.txt")));
  }

  @Test
  void refusesAFileItDidNotMakeEvenBesideItsOwnSite() throws IOException {
    assertEquals(0, render().exit());
    Files.writeString(work.resolve("site/sops/extra.html"), "mine");
    assertEquals(2, render().exit());
    assertTrue(Files.exists(work.resolve("site/sops/extra.html")));
  }

  @Test
  void forceReplacesTheFolderWhole() throws IOException {
    Files.createDirectories(work.resolve("site"));
    Files.writeString(work.resolve("site/notes.txt"), "mine");
    Cli.Run run = render("--force");
    assertEquals(0, run.exit(), run.err());
    assertFalse(Files.exists(work.resolve("site/notes.txt")));
    assertTrue(Files.exists(work.resolve("site/index.html")));
  }

  @Test
  void neverReplacesTheSopRepository() {
    Cli.Run run = Cli.run(work, "render", "handbook", "sops", "--out", ".", "--force");
    assertEquals(2, run.exit());
    assertEquals("sop: --out '.' holds the SOP repository; choose a folder of its own\n", run.err());
    assertTrue(Files.exists(work.resolve("sops/org.yaml")));
  }

  @Test
  void refusesAnOutThatIsAFile() throws IOException {
    Files.writeString(work.resolve("site"), "x");
    Cli.Run run = render();
    assertEquals(2, run.exit());
    assertEquals("sop: --out 'site' is a file, not a folder\n", run.err());
  }

  @Test
  void aBrokenTemplateIsLocatedAndLeavesThePreviousSiteIntact() throws IOException {
    assertEquals(0, render().exit());
    String before = Files.readString(work.resolve("site/index.html"));
    Path theme = work.resolve("theme/handbook");
    Files.createDirectories(theme);
    Files.writeString(theme.resolve("role.ftlh"), "<#import \"layout.ftlh\" as layout>\n<p>${role.nope.deeper}</p>\n");
    Cli.Run run = render("--templates", "theme");
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("sop: theme/handbook/role.ftlh:2:6: "), run.err());
    assertTrue(run.err().contains("role.nope"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertEquals(before, Files.readString(work.resolve("site/index.html")));
    try (Stream<Path> siblings = Files.list(work)) {
      assertEquals(3, siblings.count(), "only sops, site and theme: no temporary folder left");
    }
  }

  @Test
  void aThemeOverridesTemplatesAndAssetsByName() throws IOException {
    assertEquals(0, render().exit());
    Map<String, String> plain = HandbookGoldenTest.files(work.resolve("site"));
    Path theme = work.resolve("theme/handbook");
    Files.createDirectories(theme.resolve("assets"));
    Files.writeString(theme.resolve("assets/theme.css"), ":root { --brand: #8a1538; }\n");
    Files.writeString(
        theme.resolve("_brand.ftlh"),
        "<#macro logo p><img src=\"${p.root}assets/theme.css\" alt=\"\" hidden></#macro>\n"
            + "<#macro footer p>Acme Quality Office, ${p.orgName}</#macro>\n");
    Cli.Run run = render("--templates", "theme");
    assertEquals(0, run.exit(), run.err());
    Map<String, String> themed = HandbookGoldenTest.files(work.resolve("site"));
    assertEquals(plain.keySet(), themed.keySet());
    assertEquals(":root { --brand: #8a1538; }\n", themed.get("assets/theme.css"));
    assertTrue(themed.get("index.html").contains("Acme Quality Office, Fixture &lt;Retail&gt; &amp; Co"));
    assertTrue(themed.get("sops/sup-tic-001.html").contains("<img src=\"../assets/theme.css\""));
    assertEquals(plain.get("assets/style.css"), themed.get("assets/style.css"), "the rest stays built-in");
  }

  @Test
  void aMissingTemplatesFolderIsAUsageError() {
    Cli.Run run = render("--templates", "nope");
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("sop: --templates 'nope' is not a folder"), run.err());
  }

  @Test
  void repoUrlMustBeAWebAddress() {
    Cli.Run run = render("--repo-url", "javascript:alert(1)");
    assertEquals(2, run.exit());
    assertEquals("sop: --repo-url 'javascript:alert(1)' is not an http(s) URL\n", run.err());
  }

  @Test
  void baseUrlMustBeAWebAddress() {
    Cli.Run run = render("--base-url", "file:///etc");
    assertEquals(2, run.exit());
    assertEquals("sop: --base-url 'file:///etc' is not an http(s) URL\n", run.err());
  }

  @Test
  void pdfWithAChromiumThatIsNotThereWritesNothing() {
    Cli.Run run = render("--pdf", "out.pdf", "--chromium", "/nonexistent/chromium");
    assertEquals(2, run.exit());
    assertEquals("sop: '/nonexistent/chromium' is not an executable Chromium\n", run.err());
    assertFalse(Files.exists(work.resolve("site")), "no site written before the PDF could be made");
    assertFalse(Files.exists(work.resolve("out.pdf")));
  }

  @Test
  void chromiumWithoutPdfIsAUsageError() {
    Cli.Run run = render("--chromium", "/usr/bin/chromium");
    assertEquals(2, run.exit());
    assertEquals("sop: --chromium is for --pdf; give --pdf FILE too\n", run.err());
  }

  @Test
  void outIsRequired() {
    Cli.Run run = Cli.run(work, "render", "handbook", "sops");
    assertEquals(2, run.exit());
    assertEquals(
        "sop: missing required option: '--out=DIR'\nRun 'sop render handbook --help' for usage.\n",
        run.err());
  }

  /** A business promise's page gives the figure in business time and the start causing it. */
  @Test
  void aBusinessPromiseShowsItsWorstStart() throws IOException {
    Path fixture = Resources.path("lint/promise-at-risk/invalid-friday-before-christmas");
    Cli.Run run = Cli.run(work, "render", "handbook", fixture.toString(), "--out", "cal", "--today", "2026-11-22");
    assertEquals(0, run.exit(), run.err());
    String page = Files.readString(work.resolve("cal/sops/cs-ret-001.html"));
    assertTrue(
        page.contains(
            "11 business days 30 minutes &#10007; at risk<br><span class=\"muted\">when started Fri"
                + " 2026-12-18 16:30 Europe/Berlin</span>"),
        page);
  }
}
