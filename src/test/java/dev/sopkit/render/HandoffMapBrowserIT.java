package dev.sopkit.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sopkit.bench.CorpusGenerator;
import dev.sopkit.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The handoff maps as a reader sees them in headless Chromium, on the sample library and on a
 * generated 200-SOP repository: measured in the laid-out page, not in the SVG source. Every map
 * (the overview's, the map page's, every department's) fits the content width, no edge runs
 * through a box, and every edge has a label that is drawn, inside the picture and on no box.
 * Screenshots land in target/handbook-screenshots/.
 */
class HandoffMapBrowserIT {
  static WebDriver driver;
  static Path tmp;

  /**
   * Runs in the page: for every figure.map, its width against the content's, and every edge's
   * problems. A path is sampled every 2 px (getPointAtLength) and a point counts as inside a box
   * when it is more than 1.5 px within it: the path's ends touch their own boxes' borders.
   */
  static final String MEASURE =
      """
      const out = [];
      for (const fig of document.querySelectorAll('figure.map')) {
        const svg = fig.querySelector('.map-scroll > svg');
        const content = fig.parentElement.getBoundingClientRect().width;
        const width = svg.getBoundingClientRect().width;
        const boxes = Array.from(svg.querySelectorAll('.node rect')).map(r => ({
          x: +r.getAttribute('x'), y: +r.getAttribute('y'),
          w: +r.getAttribute('width'), h: +r.getAttribute('height'),
          name: r.parentNode.querySelector('text').textContent }));
        const view = svg.viewBox.baseVal;
        const problems = [];
        const inside = (x, y, b, m) => x > b.x + m && x < b.x + b.w - m && y > b.y + m && y < b.y + b.h - m;
        let edges = 0;
        for (const g of svg.querySelectorAll('g.edge')) {
          edges++;
          const path = g.querySelector('path');
          const title = g.querySelector('title') ? g.querySelector('title').textContent : path.getAttribute('d');
          const length = path.getTotalLength();
          for (let s = 0; s <= length; s += 2) {
            const p = path.getPointAtLength(s);
            const hit = boxes.find(b => inside(p.x, p.y, b, 1.5));
            if (hit) { problems.push('edge through box ' + hit.name + ': ' + title); break; }
          }
          const text = g.querySelector('text');
          if (!text || !text.textContent.trim()) { problems.push('edge without a label: ' + title); continue; }
          const style = getComputedStyle(text);
          const bb = text.getBBox();
          if (style.display === 'none' || style.visibility !== 'visible' || +style.opacity === 0
              || bb.width === 0 || text.getBoundingClientRect().height === 0) {
            problems.push('label not drawn: ' + title);
          }
          if (bb.x < view.x || bb.y < view.y || bb.x + bb.width > view.x + view.width
              || bb.y + bb.height > view.y + view.height) {
            problems.push('label outside the picture: ' + title);
          }
          const on = boxes.find(b => bb.x < b.x + b.w && bb.x + bb.width > b.x && bb.y < b.y + b.h && bb.y + bb.height > b.y);
          if (on) { problems.push('label on box ' + on.name + ': ' + title); }
        }
        out.push({content: content, width: width, edges: edges, boxes: boxes.length, problems: problems});
      }
      return out;
      """;

  @BeforeAll
  static void start() throws IOException {
    if (!Files.isExecutable(HandbookBrowserIT.CHROMIUM) || !Files.isExecutable(HandbookBrowserIT.CHROMEDRIVER)) {
      fail("no headless browser: run scripts/install-browser.sh (make test does)");
    }
    tmp = Files.createTempDirectory("handoff-map-it");
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

  static Path render(Path repo, String name) {
    Path out = tmp.resolve(name);
    Cli.Run run =
        Cli.run(Path.of("").toAbsolutePath(), "render", "handbook", repo.toString(), "--out", out.toString(), "--today", "2026-11-22");
    assertEquals(0, run.exit(), run.err());
    return out;
  }

  @Test
  void sampleLibraryMapsAreReadable() throws IOException {
    Path site = render(Path.of("sops").toAbsolutePath(), "sample");
    int maps = checkEveryMap(site, "sample");
    assertTrue(maps >= 12, "maps checked: " + maps);
  }

  @Test
  void generatedTwoHundredSopRepositoryMapsAreReadable() throws IOException {
    Path repo = tmp.resolve("corpus-200");
    CorpusGenerator.generate(repo, 200, 1, 0, 0);
    Path site = render(repo, "corpus");
    int maps = checkEveryMap(site, "corpus-200");
    assertTrue(maps >= 12, "maps checked: " + maps);
  }

  @Test
  void theMeasureSeesAnEdgeThroughABoxAndAMissingLabel() throws IOException {
    Path page = tmp.resolve("bad.html");
    Files.writeString(
        page,
        """
        <!DOCTYPE html><html><body><main><figure class="map"><div class="map-scroll">
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 3000 100" width="3000" height="100">
        <g class="node"><rect x="100" y="10" width="80" height="30"/><text x="140" y="30">Box</text></g>
        <g class="edge"><title>through</title><path d="M0 25 L300 25"/></g>
        </svg></div></figure></main></body></html>
        """);
    driver.get(page.toUri().toString());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> figures = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript(MEASURE);
    assertEquals(List.of("edge through box Box: through", "edge without a label: through"), figures.get(0).get("problems"));
    assertTrue(((Number) figures.get(0).get("width")).doubleValue() > ((Number) figures.get(0).get("content")).doubleValue());
  }

  /** Opens every page with a map, measures it, keeps a screenshot of one page of each kind. */
  private static int checkEveryMap(Path site, String name) throws IOException {
    List<Path> pages = new ArrayList<>(List.of(site.resolve("index.html"), site.resolve("map.html")));
    try (Stream<Path> depts = Files.list(site.resolve("departments"))) {
      depts.sorted().forEach(pages::add);
    }
    List<String> problems = new ArrayList<>();
    int maps = 0;
    boolean shotDepartment = false;
    for (Path page : pages) {
      driver.get(page.toUri().toString());
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> figures = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript(MEASURE);
      String where = site.relativize(page).toString();
      for (Map<String, Object> f : figures) {
        maps++;
        double width = ((Number) f.get("width")).doubleValue();
        double content = ((Number) f.get("content")).doubleValue();
        if (width > content + 0.5) {
          problems.add(where + ": map " + width + " px wide in " + content + " px of content");
        }
        @SuppressWarnings("unchecked")
        List<String> edgeProblems = (List<String>) f.get("problems");
        edgeProblems.forEach(p -> problems.add(where + ": " + p));
      }
      if (where.equals("map.html")) {
        screenshot(name + "-map");
      } else if (where.equals("index.html")) {
        driver.findElement(By.cssSelector("figure.map")).getLocation(); // laid out
        screenshot(name + "-index");
      } else if (!shotDepartment && !figures.isEmpty()) {
        screenshot(name + "-department");
        shotDepartment = true;
      }
    }
    assertEquals(List.of(), problems, "map problems in " + name);
    return maps;
  }

  private static void screenshot(String name) throws IOException {
    Path dir = Path.of("target/handbook-screenshots");
    Files.createDirectories(dir);
    Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
