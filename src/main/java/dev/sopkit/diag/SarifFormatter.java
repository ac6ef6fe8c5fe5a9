package dev.sopkit.diag;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, the format code-scanning services (GitHub code scanning among them) take: one run
 * whose driver lists every rule with its summary and help page, and one result per finding. A
 * finding's other side goes in {@code relatedLocations}, and the result's message links each one
 * with an embedded link {@code [text](id)} (SARIF 2.1.0 §3.11.6), so a viewer can follow it.
 */
public final class SarifFormatter implements Formatter {
  /** The schema location GitHub's documentation and most producers use. */
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private final String version;
  private final String informationUri;
  private final List<RuleInfo> rules;

  /**
   * @param version the tool version
   * @param informationUri the tool's home page
   * @param rules every rule, in a stable order (results point into it by index)
   */
  public SarifFormatter(String version, String informationUri, List<RuleInfo> rules) {
    this.version = version;
    this.informationUri = informationUri;
    this.rules = rules;
  }

  @Override
  public void write(List<Diagnostic> findings, Summary summary, boolean quiet, PrintWriter out) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      index.put(rules.get(i).id(), i);
    }
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA);
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      writeTool(g);
      // snakeyaml counts columns in code points, not in UTF-16 units (SARIF's default).
      g.writeStringField("columnKind", "unicodeCodePoints");
      g.writeArrayFieldStart("results");
      for (Diagnostic d : findings) {
        writeResult(g, d, index.get(d.rule()), summary.baseline() != null);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }

  private void writeTool(JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeStringField("name", "sop");
    g.writeStringField("version", version);
    g.writeStringField("informationUri", informationUri);
    g.writeArrayFieldStart("rules");
    for (RuleInfo r : rules) {
      g.writeStartObject();
      g.writeStringField("id", r.id());
      g.writeObjectFieldStart("shortDescription");
      g.writeStringField("text", r.summary());
      g.writeEndObject();
      String description = r.description() != null ? r.description() : r.summary();
      g.writeObjectFieldStart("fullDescription");
      g.writeStringField("text", description);
      g.writeEndObject();
      // Services show the Markdown page where they can, the plain text elsewhere.
      g.writeObjectFieldStart("help");
      g.writeStringField("text", description + " See " + r.helpUri());
      if (r.helpMarkdown() != null) {
        g.writeStringField("markdown", r.helpMarkdown());
      }
      g.writeEndObject();
      g.writeStringField("helpUri", r.helpUri());
      g.writeObjectFieldStart("defaultConfiguration");
      g.writeStringField("level", level(r.defaultSeverity()));
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeResult(JsonGenerator g, Diagnostic d, Integer ruleIndex, boolean base)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", d.rule());
    if (ruleIndex != null) {
      g.writeNumberField("ruleIndex", ruleIndex);
    }
    g.writeStringField("level", level(d.severity()));
    g.writeObjectFieldStart("message");
    g.writeStringField("text", messageText(d));
    g.writeEndObject();
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    physicalLocation(g, d.file(), d.line(), d.column());
    g.writeEndObject();
    g.writeEndArray();
    if (!d.related().isEmpty()) {
      g.writeArrayFieldStart("relatedLocations");
      for (int i = 0; i < d.related().size(); i++) {
        Related r = d.related().get(i);
        g.writeStartObject();
        g.writeNumberField("id", i + 1);
        physicalLocation(g, r.file(), r.line(), r.column());
        g.writeObjectFieldStart("message");
        g.writeStringField("text", r.message());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    // Line-free, so a service recognises the same finding after lines above it move.
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField("sopFinding/v1", fingerprint(d));
    g.writeEndObject();
    if (base) {
      g.writeStringField("baselineState", "new");
    }
    if (d.sop() != null || d.artifact() != null) {
      g.writeObjectFieldStart("properties");
      if (d.sop() != null) {
        g.writeStringField("sop", d.sop());
      }
      if (d.artifact() != null) {
        g.writeStringField("artifact", d.artifact());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void physicalLocation(JsonGenerator g, String file, int line, int column)
      throws IOException {
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    g.writeStringField("uri", uri(file));
    g.writeEndObject();
    g.writeObjectFieldStart("region");
    g.writeNumberField("startLine", Math.max(1, line));
    g.writeNumberField("startColumn", Math.max(1, column));
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * The message, then an embedded link to each related location. Once a message has links, its
   * literal brackets are escaped (§3.11.6) so a viewer does not read them as links.
   */
  static String messageText(Diagnostic d) {
    if (d.related().isEmpty()) {
      return d.message();
    }
    StringBuilder b = new StringBuilder(escapeBrackets(d.message()));
    for (int i = 0; i < d.related().size(); i++) {
      b.append(i == 0 ? ". See: " : "; ")
          .append('[')
          .append(escapeBrackets(d.related().get(i).message()))
          .append("](")
          .append(i + 1)
          .append(')');
    }
    return b.append('.').toString();
  }

  private static String escapeBrackets(String s) {
    return s.replace("[", "\\[").replace("]", "\\]");
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /**
   * A relative path becomes a relative URI reference (percent-encoded, forward slashes); an
   * absolute one a file: URI.
   */
  static String uri(String file) {
    String path = file.replace('\\', '/');
    if (path.startsWith("/") || path.matches("[A-Za-z]:/.*")) {
      return Path.of(file).toUri().toASCIIString();
    }
    try {
      // A colon in the first segment would read as a scheme: "./" keeps the reference relative.
      String safe = path.contains(":") && !path.substring(0, path.indexOf(':')).contains("/")
          ? "./" + path : path;
      return new URI(null, null, safe, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot express path as a URI: " + file, e);
    }
  }

  static String fingerprint(Diagnostic d) {
    String key =
        String.join("\u0000", d.rule(), d.file(), String.valueOf(d.sop()),
            String.valueOf(d.artifact()), d.message());
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
