package dev.sopkit.diag;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** {@code {"findings": [...], "summary": {...}}}: the machine-readable contract. */
public final class JsonFormatter implements Formatter {
  // The writer belongs to the caller: closing the generator must not close it.
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  @Override
  public void write(List<Diagnostic> findings, Summary summary, boolean quiet, PrintWriter out) {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      g.writeArrayFieldStart("findings");
      for (Diagnostic d : findings) {
        g.writeStartObject();
        g.writeStringField("rule", d.rule());
        g.writeStringField("severity", d.severity().label());
        g.writeStringField("file", d.file());
        g.writeNumberField("line", d.line());
        g.writeNumberField("column", d.column());
        g.writeStringField("sop", d.sop());
        g.writeStringField("message", d.message());
        g.writeStringField("artifact", d.artifact());
        g.writeArrayFieldStart("related");
        for (Related r : d.related()) {
          g.writeStartObject();
          g.writeStringField("file", r.file());
          g.writeNumberField("line", r.line());
          g.writeNumberField("column", r.column());
          g.writeStringField("sop", r.sop());
          g.writeStringField("role", r.role());
          g.writeStringField("message", r.message());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("summary");
      g.writeNumberField("errors", summary.errors());
      g.writeNumberField("warnings", summary.warnings());
      g.writeNumberField("infos", summary.infos());
      g.writeNumberField("files", summary.files());
      Baseline b = summary.baseline();
      if (b != null) {
        g.writeObjectFieldStart("base");
        g.writeStringField("rev", b.rev());
        g.writeStringField("commit", b.commit());
        g.writeNumberField("fixed", b.fixed());
        g.writeNumberField("unchanged", b.unchanged());
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }
}
