package dev.sopkit.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.sopkit.lint.RuleDocs;
import dev.sopkit.testing.Resources;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The CI formats stay valid for their consumers, with hostile text in every field. */
class ReportFormatsTest {
  /** Markup, quotes, separators, newlines, control and bidi characters, a lone surrogate. */
  static final String HOSTILE =
      "a<b>&c \"q\" 'q' ]]> 100% x,y:z\r\nnext \u0001\u001b[31m \u202e \ud800 end";

  static final List<Diagnostic> FINDINGS =
      List.of(
          new Diagnostic("schema", Severity.ERROR, "sops/a b/ré:turn,1.yaml", 3, 5, "CS-1", HOSTILE, null),
          new Diagnostic("unknown-reference", Severity.WARNING, "sops/x.yaml", 1, 1, null, "plain", "parcel",
              List.of(new Related("sops/a b/ré:turn,1.yaml", 7, 9, "CS-1", "producer", "made [here] " + HOSTILE))),
          new Diagnostic("not-a-rule", Severity.INFO, "/abs/path/y.yaml", 0, 0, null, "info", null));

  static String render(Formatter f, List<Diagnostic> findings, Summary summary) {
    StringWriter s = new StringWriter();
    f.write(findings, summary, false, new PrintWriter(s));
    return s.toString();
  }

  @Test
  void sarifValidatesAgainstTheOfficialSchema() throws Exception {
    SarifFormatter f =
        new SarifFormatter("1.2.3", "https://sopkit.dev", RuleDocs.infos("https://sopkit.dev/docs/rules/"));
    String out = render(f, FINDINGS, Summary.of(FINDINGS, 3).withBaseline(new Baseline("main", "abc", 1, 2)));
    JsonNode sarif = new ObjectMapper().readTree(out);

    JsonNode schemaJson =
        new ObjectMapper().readTree(Files.readString(Resources.path("sarif/sarif-schema-2.1.0.json")));
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(schemaJson, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    Set<ValidationMessage> errors = schema.validate(sarif);
    assertTrue(errors.isEmpty(), "SARIF output violates the schema: " + errors);
    // The check can fail: a run without a tool, and an unencoded space in a URI, are refused.
    assertFalse(schema.validate(new ObjectMapper().readTree(
        "{\"version\":\"2.1.0\",\"runs\":[{\"results\":[]}]}")).isEmpty());
    String badUri = out.replace("sops/a%20b/", "sops/a b/");
    assertFalse(schema.validate(new ObjectMapper().readTree(badUri)).isEmpty(), "format uri-reference checked");

    // The schema would accept far less; these are what code scanning needs to place an alert.
    JsonNode run = sarif.path("runs").get(0);
    JsonNode driver = run.path("tool").path("driver");
    assertEquals("sop", driver.path("name").asText());
    assertEquals("1.2.3", driver.path("version").asText());
    JsonNode schemaRule = driver.path("rules").get(1);
    assertEquals("schema", schemaRule.path("id").asText());
    assertTrue(schemaRule.path("help").path("markdown").asText().contains("## Why"));
    assertEquals("https://sopkit.dev/docs/rules/schema.md", schemaRule.path("helpUri").asText());

    JsonNode first = run.path("results").get(0);
    assertEquals(1, first.path("ruleIndex").asInt());
    assertEquals(HOSTILE, first.path("message").path("text").asText());
    assertEquals("new", first.path("baselineState").asText());
    JsonNode loc = first.path("locations").get(0).path("physicalLocation");
    assertEquals("sops/a%20b/r%C3%A9:turn,1.yaml", loc.path("artifactLocation").path("uri").asText());
    assertEquals(3, loc.path("region").path("startLine").asInt());
    assertEquals(5, loc.path("region").path("startColumn").asInt());

    // The other side: a related location, linked from the message, brackets of the text escaped.
    JsonNode second = run.path("results").get(1);
    String escaped = HOSTILE.replace("[", "\\[").replace("]", "\\]");
    assertEquals("plain. See: [made \\[here\\] " + escaped + "](1).", second.path("message").path("text").asText());
    JsonNode related = second.path("relatedLocations").get(0);
    assertEquals(1, related.path("id").asInt());
    assertEquals("made [here] " + HOSTILE, related.path("message").path("text").asText());
    JsonNode relatedLoc = related.path("physicalLocation");
    assertEquals("sops/a%20b/r%C3%A9:turn,1.yaml", relatedLoc.path("artifactLocation").path("uri").asText());
    assertEquals(7, relatedLoc.path("region").path("startLine").asInt());
    assertEquals(9, relatedLoc.path("region").path("startColumn").asInt());
    assertFalse(first.has("relatedLocations"), "no empty array where a finding has no other side");
    // The schema checks related locations too: an id below -1 is refused.
    String badRelated = out.replaceFirst("\"id\" : 1,", "\"id\" : -2,");
    assertFalse(schema.validate(new ObjectMapper().readTree(badRelated)).isEmpty(), "relatedLocations checked");

    JsonNode third = run.path("results").get(2);
    assertFalse(third.has("ruleIndex"), "a rule sop does not list has no index");
    assertEquals("note", third.path("level").asText());
    assertEquals("file:///abs/path/y.yaml", third.path("locations").get(0).path("physicalLocation")
        .path("artifactLocation").path("uri").asText());
    assertEquals(1, third.path("locations").get(0).path("physicalLocation").path("region")
        .path("startLine").asInt(), "SARIF lines start at 1");
  }

  @Test
  void sarifUriKeepsARelativePathRelative() {
    assertEquals("./c:x.yaml", SarifFormatter.uri("c:x.yaml"));
    assertEquals("a/b%23c%3F.yaml", SarifFormatter.uri("a/b#c?.yaml"));
    assertEquals("a/b.yaml", SarifFormatter.uri("a\\b.yaml"));
  }

  @Test
  void sarifFingerprintIgnoresTheLine() {
    Diagnostic d = FINDINGS.get(1);
    Diagnostic moved = new Diagnostic(d.rule(), d.severity(), d.file(), 40, 2, d.sop(), d.message(), d.artifact());
    assertEquals(SarifFormatter.fingerprint(d), SarifFormatter.fingerprint(moved));
    assertFalse(SarifFormatter.fingerprint(d).equals(SarifFormatter.fingerprint(FINDINGS.get(0))));
  }

  @Test
  void relatedLocationsAreNoPartOfAFindingsIdentity() {
    Diagnostic d = FINDINGS.get(1);
    Diagnostic alone = d.withRelated(List.of());
    assertFalse(d.related().isEmpty());
    assertEquals(SarifFormatter.fingerprint(alone), SarifFormatter.fingerprint(d));
    NewFindings.Split split = NewFindings.between(List.of(alone), List.of(d));
    assertEquals(0, split.added().size(), "a baseline finding stays old when it gains a related location");
    assertEquals(1, split.unchanged());
  }

  @Test
  void jsonListsRelatedLocations() throws Exception {
    JsonNode json = new ObjectMapper().readTree(render(new JsonFormatter(), FINDINGS, Summary.of(FINDINGS, 3)));
    JsonNode findings = json.path("findings");
    assertEquals(0, findings.get(0).path("related").size(), "always an array, empty without another side");
    JsonNode r = findings.get(1).path("related").get(0);
    assertEquals("sops/a b/ré:turn,1.yaml", r.path("file").asText());
    assertEquals(7, r.path("line").asInt());
    assertEquals(9, r.path("column").asInt());
    assertEquals("CS-1", r.path("sop").asText());
    assertEquals("producer", r.path("role").asText());
    assertEquals("made [here] " + HOSTILE, r.path("message").asText());
  }

  @Test
  void textShowsANoteLinePerRelatedLocation() {
    List<String> lines = render(new TextFormatter(false), FINDINGS, Summary.of(FINDINGS, 3)).lines().toList();
    assertEquals("sops/x.yaml:1:1: warning [unknown-reference] plain", lines.get(1));
    assertEquals("  sops/a b/ré:turn,1.yaml:7:9: note: made [here] a<b>&c \"q\" 'q' ]]> 100% x,y:z"
        + "\\u000d\\u000anext \\u0001\\u001b[31m \\u202e \\ud800 end", lines.get(2));
  }

  @Test
  void githubCommandsEscapeAsTheActionsToolkitDoes() {
    String out = render(new GithubFormatter(), FINDINGS, Summary.of(FINDINGS, 3));
    List<String> lines = out.lines().toList();
    assertEquals(5, lines.size(), "one line per finding and related location, and the summary:\n" + out);
    assertEquals(
        "::error file=sops/a b/ré%3Aturn%2C1.yaml,line=3,col=5,title=[schema]::"
            + "a<b>&c \"q\" 'q' ]]> 100%25 x,y:z\\u000d\\u000anext \\u0001\\u001b[31m \\u202e \\ud800 end",
        lines.get(0));
    assertEquals("::warning file=sops/x.yaml,line=1,col=1,title=[unknown-reference]::plain", lines.get(1));
    // The other file gets an annotation of its own, a notice marked as related.
    assertTrue(lines.get(2).startsWith(
        "::notice file=sops/a b/ré%3Aturn%2C1.yaml,line=7,col=9,title=[unknown-reference] related::made [here] a<b>"),
        lines.get(2));
    assertTrue(lines.get(2).endsWith(
        " (related: sops/x.yaml:1:1: warning [unknown-reference] plain)"), lines.get(2));
    assertTrue(lines.get(3).startsWith("::notice file=/abs/path/y.yaml,"), lines.get(3));
    assertEquals("1 error, 1 warning, 1 info in 3 files", lines.get(4));
    assertEquals("a%25b%0D%0Ac", GithubFormatter.data("a%b\r\nc"));
    assertEquals("a%3Ab%2Cc%25%0A", GithubFormatter.property("a:b,c%\n"));
  }

  @Test
  void junitIsWellFormedAndCountsFilesWithErrors() throws Exception {
    String out =
        render(new JUnitFormatter(List.of("sops/org.yaml", "sops/x.yaml", "sops/clean.yaml")),
            FINDINGS, Summary.of(FINDINGS, 4));
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertEquals("5", suite.getAttribute("tests"), "every file checked is a test case:\n" + out);
    assertEquals("1", suite.getAttribute("failures"));
    NodeList cases = doc.getElementsByTagName("testcase");
    Element hostile = null;
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      if (c.getAttribute("name").equals("sops/a b/ré:turn,1.yaml")) {
        hostile = c;
      }
    }
    assertTrue(hostile != null, out);
    assertEquals("sops.a b", hostile.getAttribute("classname"));
    Element failure = (Element) hostile.getElementsByTagName("failure").item(0);
    assertEquals("schema", failure.getAttribute("type"));
    assertTrue(failure.getAttribute("message").startsWith("[schema] a<b>&c \"q\" 'q' ]]> 100% x,y:z\\u000d"),
        failure.getAttribute("message"));
    assertTrue(failure.getTextContent().contains("\\ud800 end"), failure.getTextContent());
    // The warning file passes, with its finding in system-out.
    Element warned = (Element) cases.item(4);
    assertEquals("sops/x.yaml", warned.getAttribute("name"));
    assertEquals(0, warned.getElementsByTagName("failure").getLength());
    assertTrue(warned.getElementsByTagName("system-out").item(0).getTextContent()
        .contains("sops/x.yaml:1:1: warning [unknown-reference] plain\n  sops/a b/ré:turn,1.yaml:7:9: note: made [here]"));
  }

  @Test
  void summaryNamesTheBaseline() {
    Summary s = Summary.of(List.of(FINDINGS.get(1)), 3).withBaseline(new Baseline("main", "abc", 2, 5));
    assertEquals("0 new errors, 1 new warning in 3 files (2 fixed, 5 unchanged since main)", s.toText());
    assertEquals("no new problems in 3 files (0 fixed, 0 unchanged since HEAD~1)",
        Summary.of(List.of(), 3).withBaseline(new Baseline("HEAD~1", "abc", 0, 0)).toText());
  }
}
