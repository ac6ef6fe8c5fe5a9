package dev.sopkit.bpmn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import dev.sopkit.testing.Cli;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The BPMN export judged by the tools BPM teams use (installed by {@code make tools} in
 * tools/bpmn/): bpmn-moddle parses it without warnings, bpmnlint's {@code recommended} rules report
 * no errors, and bpmn-js imports it in headless Chromium without errors or warnings. Screenshots
 * of the imported diagrams are kept in target/bpmn-screenshots/.
 */
class BpmnJudgesIT {
  static final Path PROJECT = Path.of("").toAbsolutePath();
  static final Path TOOLS = PROJECT.resolve("tools/bpmn");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static Path dir;
  static Path whole;
  static Path department;

  @BeforeAll
  static void export() throws IOException {
    if (!Files.isExecutable(TOOLS.resolve("node_modules/.bin/bpmnlint"))) {
      fail("bpmnlint is missing from tools/bpmn: run make tools (make test does)");
    }
    dir = Files.createDirectories(PROJECT.resolve("target/bpmn"));
    whole = write("sample-library.bpmn", "graph", "sops", "--format", "bpmn");
    department = write("warehouse.bpmn", "graph", "sops", "--format", "bpmn", "--department", "warehouse");
  }

  private static Path write(String name, String... args) throws IOException {
    Cli.Run run = Cli.run(PROJECT, args);
    assertEquals(0, run.exit(), run.err());
    Path file = dir.resolve(name);
    Files.writeString(file, run.out());
    return file;
  }

  record Result(int exit, String out) {}

  private static Result node(String... command) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(command));
    Process p = new ProcessBuilder(cmd).directory(TOOLS.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + cmd);
    return new Result(p.exitValue(), out);
  }

  @Test
  void bpmnModdleParsesWithoutWarnings() throws Exception {
    Result r = node("node", "parse.mjs", whole.toString(), department.toString());
    assertEquals("", r.out());
    assertEquals(0, r.exit());
  }

  @Test
  void bpmnlintRecommendedReportsNoErrors() throws Exception {
    for (Path file : List.of(whole, department)) {
      Result r = node("node_modules/.bin/bpmnlint", "--config", ".bpmnlintrc", file.toString());
      assertEquals(0, r.exit(), r.out());
      assertTrue(!r.out().contains("error"), r.out());
    }
  }

  /**
   * The camunda-timers target: Camunda 8 extensions parse without warnings, and bpmnlint with
   * Camunda's camunda-compat rules for 8.8 (what Camunda Modeler checks before deploying) and the
   * recommended rules finds no errors and no warnings.
   */
  @Test
  void camundaTimersPassCamundasOwnRules() throws Exception {
    Path sample = write("camunda-timers-sample.bpmn", "render", "config", "--target", "camunda-timers", "sops");
    Path basic = write("camunda-timers-basic.bpmn", "render", "config", "--target", "camunda-timers",
        "src/test/resources/golden/config-basic/input");
    Result parse = node("node", "parse.mjs", "--zeebe", sample.toString(), basic.toString());
    assertEquals("", parse.out());
    assertEquals(0, parse.exit());
    for (Path file : List.of(sample, basic)) {
      Result r = node("node_modules/.bin/bpmnlint", "--config", "camunda.bpmnlintrc", file.toString());
      assertEquals(0, r.exit(), r.out());
      assertEquals("", r.out().strip(), "no problems at all");
      assertTrue(Files.readString(file).contains("<bpmn:timeDuration"), "timer events carry the deadlines");
    }
    // The rules do run: a receive task whose message has no correlation key fails them.
    Path broken = dir.resolve("camunda-broken.bpmn");
    Files.writeString(broken, Files.readString(basic).replaceAll("(?s)<bpmn:extensionElements>.*?</bpmn:extensionElements>", ""));
    Result r = node("node_modules/.bin/bpmnlint", "--config", "camunda.bpmnlintrc", broken.toString());
    assertNotEquals(0, r.exit());
    assertTrue(r.out().contains("zeebe:Subscription"), r.out());
  }

  /** The judges are wired up: a diagram without layout or end event fails both. */
  @Test
  void theJudgesRejectABrokenDiagram() throws Exception {
    Path broken = dir.resolve("broken.bpmn");
    Files.writeString(broken, """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
          <process id="p"><task id="t" unknownAttribute="1"/><sequenceFlow id="f" sourceRef="t" targetRef="nowhere"/></process>
        </definitions>
        """);
    Result lint = node("node_modules/.bin/bpmnlint", "--config", ".bpmnlintrc", broken.toString());
    assertNotEquals(0, lint.exit());
    assertTrue(lint.out().contains("no-bpmndi") && lint.out().contains("end-event-required"), lint.out());
    Result parse = node("node", "parse.mjs", broken.toString());
    assertEquals(1, parse.exit(), parse.out());
    assertTrue(parse.out().contains("unresolved reference <nowhere>"), parse.out());
  }

  @Test
  void bpmnJsImportsTheSampleLibraryLaidOut() throws Exception {
    Map<String, Object> whole = importInBrowser(BpmnJudgesIT.whole, "sample-library");
    assertNull(whole.get("error"));
    assertEquals(List.of(), whole.get("warnings"));
    // Ten departments and three external parties (customer, courier, payment provider).
    assertEquals(13L, whole.get("participants"));
    assertEquals(3L, whole.get("collapsed"));
    assertTrue((Long) whole.get("messageFlows") >= 40, "message flows: " + whole.get("messageFlows"));
    assertTrue((Long) whole.get("tasks") >= 150, "tasks: " + whole.get("tasks"));

    Map<String, Object> wh = importInBrowser(department, "warehouse");
    assertNull(wh.get("error"));
    assertEquals(List.of(), wh.get("warnings"));
  }

  static WebDriver driver;
  static HttpServer server;
  static Path served;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> importInBrowser(Path diagram, String name) throws Exception {
    start();
    Files.copy(diagram, served.resolve("diagram.bpmn"), StandardCopyOption.REPLACE_EXISTING);
    driver.get("http://127.0.0.1:" + server.getAddress().getPort() + "/viewer.html");
    JavascriptExecutor js = (JavascriptExecutor) driver;
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Object result = null;
    while (result == null && System.nanoTime() < until) {
      Thread.sleep(200);
      result = js.executeScript("return window.importResult || null");
    }
    if (result == null) {
      fail("bpmn-js did not finish importing " + diagram);
    }
    List<String> console = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
        console.add(e.getMessage());
      }
    }
    assertEquals(List.of(), console, "console messages while importing " + diagram);
    Path shots = Files.createDirectories(PROJECT.resolve("target/bpmn-screenshots"));
    Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, shots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    return (Map<String, Object>) result;
  }

  private static void start() throws IOException {
    if (driver != null) {
      return;
    }
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      fail("no headless browser: run scripts/install-browser.sh (make test does)");
    }
    served = Files.createTempDirectory("bpmn-js");
    Path dist = TOOLS.resolve("node_modules/bpmn-js/dist");
    Files.copy(dist.resolve("bpmn-viewer.production.min.js"), served.resolve("bpmn-viewer.js"));
    Files.createDirectories(served.resolve("assets"));
    Files.copy(dist.resolve("assets/bpmn-js.css"), served.resolve("assets/bpmn-js.css"));
    Files.copy(BpmnJudgesIT.class.getResourceAsStream("/bpmn/viewer.html"), served.resolve("viewer.html"));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      Path file = served.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
      boolean ok = file.startsWith(served) && Files.isRegularFile(file);
      byte[] body = ok ? Files.readAllBytes(file) : "not found".getBytes(StandardCharsets.UTF_8);
      String name = file.getFileName().toString();
      exchange.getResponseHeaders().set("Content-Type",
          name.endsWith(".html") ? "text/html; charset=utf-8"
              : name.endsWith(".js") ? "text/javascript; charset=utf-8"
              : name.endsWith(".css") ? "text/css; charset=utf-8" : "application/xml");
      exchange.sendResponseHeaders(ok ? 200 : 404, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1600,1000",
        "--user-data-dir=" + Files.createTempDirectory("bpmn-profile"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
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
}
