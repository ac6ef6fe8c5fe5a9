package dev.sopkit.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sopkit.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Controlled print in headless Chromium: the department print views of the sample library at A4
 * stay close to the length of their text, carry the running header and footer, and {@code sop
 * render handbook --pdf} writes a PDF of every SOP.
 */
class PrintIT {
  static ChromeDriver driver;
  static Path tmp;
  static Path site;

  /**
   * The pages the text would fill as running text at A4 in the print stylesheet's font (the A4
   * page less its margins: 182 x 263 mm), counted as the document is printed: the cover, then each
   * SOP from a new page. Each part's text is set in one block that wide; its height divided by the
   * page's, rounded up, is that part's length.
   */
  static final String TEXT_PAGES =
      """
      const probe = document.createElement('div');
      probe.style.cssText = 'position:absolute;height:263mm;width:1px';
      document.body.appendChild(probe);
      const page = probe.getBoundingClientRect().height;
      const length = el => {
        const block = document.createElement('div');
        block.style.cssText = 'position:absolute;left:0;top:0;width:182mm;font-size:9.5pt;line-height:1.4;white-space:normal';
        block.textContent = el.innerText.replace(/\\s+/g, ' ');
        document.body.appendChild(block);
        const pages = block.getBoundingClientRect().height / page;
        block.remove();
        return pages;
      };
      const parts = [document.querySelector('.print-cover'), ...document.querySelectorAll('.print-sop')];
      const out = {text: 0, pages: 0};
      for (const part of parts) { const n = length(part); out.text += n; out.pages += Math.ceil(n); }
      probe.remove();
      return out;
      """;

  @BeforeAll
  static void start() throws IOException {
    if (!Files.isExecutable(HandbookBrowserIT.CHROMIUM) || !Files.isExecutable(HandbookBrowserIT.CHROMEDRIVER)) {
      fail("no headless browser: run scripts/install-browser.sh (make test does)");
    }
    tmp = Files.createTempDirectory("print-it");
    site = tmp.resolve("site");
    Cli.Run run =
        Cli.run(Path.of("").toAbsolutePath(), "render", "handbook", "sops", "--out", site.toString(),
            "--today", "2026-11-22", "--base-url", "https://sops.example.com/handbook/");
    assertEquals(0, run.exit(), run.err());
    java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(HandbookBrowserIT.CHROMIUM.toFile());
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1300,1000",
        "--user-data-dir=" + tmp.resolve("profile"));
    driver =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(HandbookBrowserIT.CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build(),
            options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static byte[] printToPdf() {
    Map<String, Object> pdf =
        driver.executeCdpCommand("Page.printToPDF", Map.of("preferCSSPageSize", true, "displayHeaderFooter", false));
    return Base64.getDecoder().decode((String) pdf.get("data"));
  }

  @Test
  void everyDepartmentPrintsWithinOneAndAHalfTimesItsTextLength() throws IOException {
    List<String> report = new ArrayList<>();
    List<String> tooLong = new ArrayList<>();
    try (Stream<Path> pages = Files.list(site.resolve("print"))) {
      for (Path page : pages.sorted().toList()) {
        driver.get(page.toUri().toString());
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        @SuppressWarnings("unchecked")
        Map<String, Number> length = (Map<String, Number>) ((JavascriptExecutor) driver).executeScript(TEXT_PAGES);
        double text = length.get("text").doubleValue();
        int textPages = length.get("pages").intValue();
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        int sops = ((Number) ((JavascriptExecutor) driver).executeScript("return document.querySelectorAll('.print-sop').length")).intValue();
        int printed = Pdf.pages(printToPdf());
        double allowed = 1.5 * textPages;
        String line = String.format(java.util.Locale.ROOT, "%s: %d pages, %d SOPs, text %.1f pages (%d as printed), allowed %.1f",
            page.getFileName(), printed, sops, text, textPages, allowed);
        report.add(line);
        if (printed > allowed) {
          tooLong.add(line);
        }
      }
    }
    System.out.println(String.join("\n", report));
    assertEquals(List.of(), tooLong, String.join("\n", report));
    assertTrue(report.size() >= 10, report.toString());
  }

  @Test
  void printedPagesCarryTheRunningHeaderAndTheUncontrolledLine() {
    driver.get(site.resolve("print/finance.html").toUri().toString());
    JavascriptExecutor js = driver;
    String css =
        (String)
            js.executeScript(
                "return Array.from(document.querySelectorAll('style')).map(s => s.textContent).join('\\n')");
    assertTrue(css.contains("@page sop-fin-rfd-001"), css);
    assertTrue(css.contains("#sop-fin-rfd-001 { page: sop-fin-rfd-001; }"), css);
    assertTrue(css.contains("Uncontrolled when printed; current version at https://sops.example.com/handbook/sops/fin-rfd-001.html"), css);
    // The owner and the approver (the sample's approver: quality-manager) head every page.
    assertTrue(css.contains("owner Finance Manager \\b7  approver Quality Manager \\b7  approved"), css);
    // The browser took the SOP's named page, whose margin boxes carry the strings above.
    assertEquals(
        "sop-fin-rfd-001",
        js.executeScript("return getComputedStyle(document.querySelector('#sop-fin-rfd-001')).page"));
  }

  @Test
  void pdfOptionWritesEveryDepartmentsSops() throws IOException {
    Path pdf = tmp.resolve("out/handbook.pdf");
    Cli.Run run =
        Cli.run(Path.of("").toAbsolutePath(), "render", "handbook", "sops", "--out", tmp.resolve("pdf-site").toString(),
            "--today", "2026-11-22", "--pdf", pdf.toString(), "--chromium", HandbookBrowserIT.CHROMIUM.toString());
    assertEquals(0, run.exit(), run.err());
    byte[] bytes = Files.readAllBytes(pdf);
    assertEquals("%PDF-", new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1));
    int pages = Pdf.pages(bytes);
    assertTrue(run.out().contains("pdf: " + pages + " pages in "), run.out());
    // Every SOP starts a page of its own after the contents: at least one page per SOP.
    String all = Files.readString(tmp.resolve("pdf-site").resolve(Handbook.PRINT_ALL));
    int sops = all.split("<div class=\"print-sop\">", -1).length - 1;
    assertTrue(sops >= 30, "SOPs in the document: " + sops);
    assertTrue(pages > sops, pages + " pages for " + sops + " SOPs");
    try (Stream<Path> left = Files.list(pdf.getParent())) {
      assertEquals(List.of(pdf), left.toList(), "no temporary file left beside the PDF");
    }
  }
}
