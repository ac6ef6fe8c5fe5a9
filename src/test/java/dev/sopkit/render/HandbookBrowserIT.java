package dev.sopkit.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import dev.sopkit.testing.Cli;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The handbook of the sample library in a real headless browser (Debian's chromium, driven through
 * /usr/bin/chromedriver; scripts/install-browser.sh installs both): served over HTTP from
 * 127.0.0.1 and opened from the file system. Follows links as a reader would, runs a search, crawls
 * every page for broken links and console errors, and leaves screenshots in
 * target/handbook-screenshots/.
 */
class HandbookBrowserIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static Path site;
  static Path profile;
  static HttpServer server;
  static String base;
  static WebDriver driver;
  // Selenium warns on every start that it has no DevTools bindings for this chromium; unused here.
  static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

  @BeforeAll
  static void start() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      fail("no headless browser: run scripts/install-browser.sh (make test does)");
    }
    Path tmp = Files.createTempDirectory("handbook-it");
    site = tmp.resolve("site");
    profile = tmp.resolve("profile");
    Cli.Run run =
        Cli.run(Path.of("").toAbsolutePath(), "render", "handbook", "sops", "--out", site.toString(), "--today", "2026-11-22");
    assertEquals(0, run.exit(), run.err());

    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String path = URI.create(exchange.getRequestURI().toString()).getPath();
      Path file = site.resolve(path.substring(1)).normalize();
      boolean ok = file.startsWith(site) && Files.isRegularFile(file);
      byte[] body = ok ? Files.readAllBytes(file) : "not found".getBytes();
      exchange.getResponseHeaders().set("Content-Type", ok ? type(file) : "text/plain");
      exchange.sendResponseHeaders(ok ? 200 : 404, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";

    SELENIUM.setLevel(Level.SEVERE);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1300,1000", "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  private static String type(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    return name.endsWith(".js") ? "text/javascript; charset=utf-8" : "application/octet-stream";
  }

  private static void open(String url) {
    driver.get(url);
    assertNoConsoleErrors(url);
  }

  private static void click(By by) {
    String from = driver.getCurrentUrl();
    driver.findElement(by).click();
    JavascriptExecutor js = (JavascriptExecutor) driver;
    waitFor("the page after " + by, () -> !driver.getCurrentUrl().equals(from)
        && "complete".equals(js.executeScript("return document.readyState")));
    assertNoConsoleErrors(from + " -> " + driver.getCurrentUrl());
  }

  private static void assertNoConsoleErrors(String where) {
    List<String> errors = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
        errors.add(e.getLevel() + " " + e.getMessage());
      }
    }
    assertEquals(List.of(), errors, "console messages on " + where);
  }

  private static String h1() {
    return driver.findElement(By.tagName("h1")).getText();
  }

  private static void screenshot(String name) throws IOException {
    Path dir = Path.of("target/handbook-screenshots");
    Files.createDirectories(dir);
    Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void aReaderFollowsHandoffsUpstream() throws IOException {
    open(base + "index.html");
    assertEquals("Acme Retail", h1());
    screenshot("home");
    click(By.cssSelector(".cards a[href='departments/finance.html']"));
    assertEquals("Finance (Payments)", h1());
    screenshot("department");
    click(By.linkText("Issue a refund"));
    assertTrue(driver.getCurrentUrl().endsWith("/sops/fin-rfd-001.html"), driver.getCurrentUrl());
    assertEquals("Issue a refund", h1());
    assertEquals(6, driver.findElements(By.cssSelector("ol.steps > li")).size());
    screenshot("sop");
    // The refund request comes from Aftersales' inspection: the upstream SOP.
    click(By.xpath("//section[@class='io']//li[span[@class='artifact' and text()='refund-request']]/a[contains(@href,'ret-ins-001')]"));
    assertEquals("Inspect a returned parcel and request the refund", h1());
  }

  @Test
  void searchFindsStepsAndRoles() throws IOException {
    open(base + "sops/fin-rfd-001.html");
    WebElement box = driver.findElement(By.cssSelector("header form.search input[name=q]"));
    box.sendKeys("double charge");
    box.submit();
    waitFor("the search page", () -> driver.getCurrentUrl().contains("search.html?q=double+charge")
        && !driver.findElements(By.cssSelector("#results li")).isEmpty());
    assertNoConsoleErrors("search");
    List<String> hits = resultTitles();
    assertTrue(hits.contains("FIN-PAY-001 Investigate and correct a double charge"), hits.toString());
    screenshot("search");

    // Typing narrows as you go; a step's wording finds its SOP, a role's name finds the role.
    WebElement q = driver.findElement(By.id("q"));
    q.clear();
    q.sendKeys("IBAN");
    waitFor("a hit for IBAN", () -> resultTitles().contains("FIN-RFD-001 Issue a refund"));
    q.clear();
    q.sendKeys("returns inspector");
    waitFor("a hit for the role", () -> resultTitles().contains("Returns Inspector"));
    click(By.cssSelector("#results a"));
    assertTrue(driver.getCurrentUrl().contains("/roles/") || driver.getCurrentUrl().contains("/sops/"));
  }

  @Test
  void aSearchResultQuotesTheMatchingStepAndLinksToIt() throws IOException {
    open(base + "search.html");
    driver.findElement(By.id("q")).sendKeys("iban TRANSFER");
    waitFor("a hit for the refund's step", () -> resultTitles().contains("FIN-RFD-001 Issue a refund"));
    WebElement hit = driver.findElement(By.xpath("//ol[@id='results']/li[a[text()='FIN-RFD-001 Issue a refund']]"));
    WebElement snippet = hit.findElement(By.cssSelector("p.snippet"));
    assertTrue(snippet.getText().contains("Pay by bank transfer to the IBAN the customer gave"), snippet.getText());
    List<String> marked = new ArrayList<>();
    snippet.findElements(By.tagName("mark")).forEach(m -> marked.add(m.getText()));
    assertEquals(List.of("transfer", "IBAN"), marked, "each word marked as written in the step");
    screenshot("search-snippet");
    // The quote's label and the title (which holds neither word) both link to the step quoted.
    WebElement where = snippet.findElement(By.cssSelector("a.where"));
    String step = where.getText();
    assertTrue(step.matches("Step \\d+"), step);
    String href = where.getAttribute("href");
    assertTrue(href.contains("/sops/fin-rfd-001.html#fin-rfd-001-step-"), href);
    assertEquals(href, hit.findElement(By.cssSelector(":scope > a")).getAttribute("href"));
    click(By.cssSelector("#results p.snippet a.where"));
    JavascriptExecutor js = (JavascriptExecutor) driver;
    String target = (String) js.executeScript("var t = document.querySelector(':target'); return t && t.textContent");
    assertTrue(target != null && target.contains("IBAN"), "the step in view: " + target);
    // It is the step of that number on the page.
    assertEquals(
        Long.parseLong(step.substring(5)),
        js.executeScript("return Array.from(document.querySelectorAll('ol.steps > li')).indexOf(document.querySelector(':target')) + 1"));
    screenshot("search-step");

    // A query the title holds links to the page itself, and quotes the step that holds it too.
    open(base + "search.html?q=refund");
    WebElement refund = driver.findElement(By.xpath("//ol[@id='results']/li[a[text()='FIN-RFD-001 Issue a refund']]"));
    assertTrue(refund.findElement(By.cssSelector(":scope > a")).getAttribute("href").endsWith("/sops/fin-rfd-001.html"));
  }

  @Test
  void sopAndDepartmentPagesShowTheirContentsBesideThemOnWideScreensOnly() throws IOException {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    ChromeDriver chrome = (ChromeDriver) driver;
    for (String page : List.of("sops/fin-rfd-001.html", "departments/finance.html")) {
      open(base + page);
      WebElement toc = driver.findElement(By.cssSelector("nav.page-toc"));
      assertTrue(toc.isDisplayed(), page);
      @SuppressWarnings("unchecked")
      List<String> dangling =
          (List<String>)
              js.executeScript(
                  "return Array.from(document.querySelectorAll('nav.page-toc a')).map(a => a.getAttribute('href'))"
                      + ".filter(h => !h.startsWith('#') || !document.getElementById(h.slice(1)))");
      assertEquals(List.of(), dangling, "every entry leads to a part of " + page);
      Number left = (Number) js.executeScript("return arguments[0].getBoundingClientRect().left", toc);
      Number bodyRight = (Number) js.executeScript("return document.querySelector('.page-body').getBoundingClientRect().right");
      assertTrue(left.doubleValue() > bodyRight.doubleValue(), page + ": beside the content, " + left + " > " + bodyRight);
      screenshot("contents-" + page.replaceAll("\\W+", "-"));
      // It stays in view while the reader scrolls down the page.
      js.executeScript("window.scrollTo(0, document.body.scrollHeight)");
      Number top = (Number) js.executeScript("return arguments[0].getBoundingClientRect().top", toc);
      assertTrue(top.doubleValue() >= 0 && top.doubleValue() < 100, page + ": top " + top);
      chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
      assertEquals("none", js.executeScript("return getComputedStyle(arguments[0]).display", toc), page + " in print");
      chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
    // One entry per step, numbered as the page numbers them.
    open(base + "sops/fin-rfd-001.html");
    assertEquals(
        js.executeScript("return document.querySelectorAll('ol.steps > li').length"),
        js.executeScript("return document.querySelectorAll('nav.page-toc .toc-steps a').length"));
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(800, 1000));
    try {
      assertTrue(!driver.findElement(By.cssSelector("nav.page-toc")).isDisplayed(), "no room on a narrow screen");
    } finally {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1300, 1000));
    }
  }

  /** Contrast (WCAG) of text on what it is drawn on, for the page, the maps and the timeline. */
  static final String CONTRASTS =
      """
      const lum = c => {
        const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => {
          v /= 255;
          return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
      const style = (sel, prop) => { const e = document.querySelector(sel); return e && getComputedStyle(e).getPropertyValue(prop); };
      const pairs = [
        ['main', 'color', 'main', 'background-color'],
        ['.muted', 'color', 'main', 'background-color'],
        ['main a', 'color', 'main', 'background-color'],
        ['.map .node text', 'fill', '.map .node rect', 'fill'],
        ['.map .edge text', 'fill', '.map .edge rect.label', 'fill'],
        ['.timeline .lane text', 'fill', '.timeline .lane rect', 'fill'],
        ['.timeline .tick text', 'fill', '.timeline .lane rect', 'fill'],
        ['.timeline .bar text', 'fill', '.timeline .bar rect', 'fill']];
      const out = {};
      for (const [t, tp, b, bp] of pairs) {
        const fg = style(t, tp), bg = style(b, bp);
        if (fg && bg) out[t + ' on ' + b] = ratio(fg, bg);
      }
      out.paper = lum(style('main', 'background-color'));
      return out;
      """;

  @Test
  void theHandbookIsDarkWhenTheReadersSystemIs() throws IOException {
    ChromeDriver chrome = (ChromeDriver) driver;
    Map<String, Object> dark = Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark")));
    chrome.executeCdpCommand("Emulation.setEmulatedMedia", dark);
    try {
      for (String page : List.of("index.html", "departments/finance.html", "journey.html", "sops/fin-rfd-001.html")) {
        open(base + page);
        @SuppressWarnings("unchecked")
        Map<String, Number> c = (Map<String, Number>) chrome.executeScript(CONTRASTS);
        assertTrue(c.get("paper").doubleValue() < 0.05, page + ": a dark page, " + c);
        for (Map.Entry<String, Number> e : c.entrySet()) {
          if (!e.getKey().equals("paper")) {
            assertTrue(e.getValue().doubleValue() >= 4.5, page + ": " + e.getKey() + " contrast " + e.getValue());
          }
        }
        assertTrue(c.size() >= 4, page + ": " + c);
        screenshot("dark-" + page.replaceAll("\\W+", "-"));
      }
    } finally {
      chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }
    // The same pages stay light for a reader whose system is light, and always in print.
    open(base + "journey.html");
    @SuppressWarnings("unchecked")
    Map<String, Number> light = (Map<String, Number>) chrome.executeScript(CONTRASTS);
    assertTrue(light.get("paper").doubleValue() > 0.9, light.toString());
    chrome.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("media", "print", "features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
    try {
      @SuppressWarnings("unchecked")
      Map<String, Number> print = (Map<String, Number>) chrome.executeScript(CONTRASTS);
      assertTrue(print.get("paper").doubleValue() > 0.9, "print is black on white: " + print);
    } finally {
      chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features", List.of()));
    }
  }

  /** Polls until the condition holds: a click or a submit returns before the next page is in. */
  private static void waitFor(String what, java.util.function.BooleanSupplier condition) {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        fail("timed out waiting for " + what + " on " + driver.getCurrentUrl());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
    }
  }

  private static List<String> resultTitles() {
    List<String> titles = new ArrayList<>();
    for (WebElement a : driver.findElements(By.cssSelector("#results > li > a"))) {
      titles.add(a.getText());
    }
    return titles;
  }

  @Test
  void theConsoleCheckSeesErrors() {
    open(base + "index.html");
    ((JavascriptExecutor) driver).executeScript("console.error('probe')");
    AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> assertNoConsoleErrors("probe"));
    assertTrue(e.getMessage().contains("probe"), e.getMessage());
  }

  @Test
  void everyLinkOfEveryPageResolves() {
    Deque<String> queue = new ArrayDeque<>(List.of("index.html"));
    Set<String> seen = new LinkedHashSet<>(queue);
    Map<String, Set<String>> ids = new HashMap<>();
    Map<String, Set<String>> anchorsWanted = new HashMap<>();
    List<String> broken = new ArrayList<>();
    JavascriptExecutor js = (JavascriptExecutor) driver;
    while (!queue.isEmpty()) {
      String page = queue.removeFirst();
      open(base + page);
      @SuppressWarnings("unchecked")
      List<String> refs =
          (List<String>)
              js.executeScript(
                  "return Array.from(document.querySelectorAll('[href],[src]'))"
                      + ".map(e => e.getAttribute('href') || e.getAttribute('src'));");
      @SuppressWarnings("unchecked")
      List<String> pageIds =
          (List<String>) js.executeScript("return Array.from(document.querySelectorAll('[id]')).map(e => e.id);");
      ids.put(page, new TreeSet<>(pageIds));
      for (String ref : refs) {
        if (ref.startsWith("data:") || ref.startsWith("mailto:")) {
          continue;
        }
        URI target = URI.create(base + page).resolve(ref);
        if (!target.toString().startsWith(base)) {
          continue; // links to the outside world (SOP references) are not the site's to check
        }
        String file = target.getPath().substring(1);
        if (!Files.isRegularFile(site.resolve(file))) {
          broken.add(page + " -> " + ref);
          continue;
        }
        if (target.getFragment() != null) {
          anchorsWanted.computeIfAbsent(file, k -> new TreeSet<>()).add(target.getFragment() + " (from " + page + ")");
        }
        if (file.endsWith(".html") && seen.add(file)) {
          queue.add(file);
        }
      }
    }
    anchorsWanted.forEach(
        (file, anchors) -> {
          for (String a : anchors) {
            String id = a.substring(0, a.indexOf(" (from "));
            if (!ids.getOrDefault(file, Set.of()).contains(id)) {
              broken.add(file + "#" + a);
            }
          }
        });
    assertEquals(List.of(), broken, "broken links");
    assertTrue(seen.size() > 80, "crawled every page: " + seen.size());
  }

  @Test
  void aDepartmentPrintsAsACleanDocument() {
    ChromeDriver chrome = (ChromeDriver) driver;
    open(base + "print/finance.html");
    chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    JavascriptExecutor js = (JavascriptExecutor) driver;
    assertEquals("none", js.executeScript("return getComputedStyle(document.querySelector('.site-header')).display"));
    assertEquals("none", js.executeScript("return getComputedStyle(document.querySelector('form.search')).display"));
    assertEquals(3L, js.executeScript("return document.querySelectorAll('.print-sop article.sop').length"));
    chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    // Each of the three SOPs starts a new page after the cover: at least four pages.
    Map<String, Object> pdf = chrome.executeCdpCommand("Page.printToPDF", Map.of());
    String text = new String(java.util.Base64.getDecoder().decode((String) pdf.get("data")), java.nio.charset.StandardCharsets.ISO_8859_1);
    int pages = text.split("/Type\\s*/Page[^s]", -1).length - 1;
    assertTrue(pages >= 4, "pages: " + pages);
  }

  @Test
  void worksFromTheFileSystem() throws IOException {
    open(site.resolve("index.html").toUri().toString());
    click(By.cssSelector(".cards a[href='departments/logistics.html']"));
    assertEquals("Logistics", h1());
    click(By.cssSelector("svg a[href$='.html']"));
    assertTrue(driver.getCurrentUrl().startsWith("file:"), driver.getCurrentUrl());
    open(site.resolve("search.html").toUri() + "?q=courier");
    assertTrue(resultTitles().contains("Courier"), resultTitles().toString());
    open(site.resolve("map.html").toUri().toString());
    screenshot("map");
  }
}
