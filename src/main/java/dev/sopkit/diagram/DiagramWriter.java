package dev.sopkit.diagram;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Writes a {@link GraphView} as Graphviz DOT, a Mermaid flowchart or JSON. */
public final class DiagramWriter {
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private DiagramWriter() {}

  /** Graphviz: one cluster per department; drafts not in force yet hand over with dashed edges. */
  public static void dot(GraphView v, PrintWriter out) {
    out.println("digraph handoffs {");
    out.println("  rankdir=LR;");
    // Without it Graphviz's dot fails to lay out clusters with labelled edges ("trouble in init_rank").
    out.println("  newrank=true;");
    out.println("  node [shape=box, style=rounded];");
    int i = 0;
    for (GraphView.Department d : v.departments()) {
      out.println("  subgraph \"cluster_" + i++ + "\" {");
      out.println("    label=" + dotString(d.name()) + ";");
      for (GraphView.Node n : d.sops()) {
        out.println("    " + dotString(n.id()) + " [label=" + dotString(n.id() + "\n" + nz(n.title())) + "];");
      }
      out.println("  }");
    }
    for (GraphView.Edge e : v.edges()) {
      out.println("  " + dotString(e.from()) + " -> " + dotString(e.to()) + " [label="
          + dotString(e.artifact()) + (e.inForce() ? "" : ", style=dashed") + "];");
    }
    out.println("}");
    out.flush();
  }

  /**
   * A DOT quoted string: quotes and backslashes escaped (so "\l" or "\N" in a title stay text), and
   * a line break as DOT's centred "\n".
   */
  static String dotString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> { }
        default -> b.append(c < 0x20 ? ' ' : c);
      }
    }
    return b.append('"').toString();
  }

  /** Mermaid: node ids are generated (SOP ids may hold characters Mermaid reads as syntax). */
  public static void mermaid(GraphView v, PrintWriter out) {
    Map<String, String> ids = new HashMap<>();
    out.println("flowchart LR");
    int d = 0;
    for (GraphView.Department dept : v.departments()) {
      out.println("  subgraph d" + d++ + "[\"" + mermaidText(dept.name()) + "\"]");
      for (GraphView.Node n : dept.sops()) {
        String id = ids.computeIfAbsent(n.id(), k -> "n" + ids.size());
        out.println("    " + id + "[\"" + mermaidText(n.id()) + "<br/>" + mermaidText(nz(n.title())) + "\"]");
      }
      out.println("  end");
    }
    for (GraphView.Edge e : v.edges()) {
      out.println("  " + ids.get(e.from()) + (e.inForce() ? " -->" : " -.->") + "|\""
          + mermaidText(e.artifact()) + "\"| " + ids.get(e.to()));
    }
    out.flush();
  }

  /**
   * Text inside a quoted Mermaid label: characters Mermaid or the HTML it renders to would read as
   * syntax become Mermaid entity codes ({@code #quot;}), line breaks spaces.
   */
  static String mermaidText(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("#quot;");
        case '#' -> b.append("#35;");
        case '<' -> b.append("#lt;");
        case '>' -> b.append("#gt;");
        case '&' -> b.append("#amp;");
        case '`' -> b.append("#96;");
        case '|' -> b.append("#124;");
        case '\n', '\r' -> b.append(' ');
        default -> b.append(c < 0x20 ? ' ' : c);
      }
    }
    return b.toString();
  }

  public static void json(GraphView v, PrintWriter out) {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      g.writeArrayFieldStart("departments");
      for (GraphView.Department d : v.departments()) {
        g.writeStartObject();
        g.writeStringField("id", d.id());
        g.writeStringField("name", d.name());
        g.writeArrayFieldStart("sops");
        for (GraphView.Node n : d.sops()) {
          g.writeStartObject();
          g.writeStringField("id", n.id());
          g.writeStringField("title", n.title());
          g.writeStringField("status", n.status());
          g.writeStringField("file", n.file());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("handoffs");
      for (GraphView.Edge e : v.edges()) {
        g.writeStartObject();
        g.writeStringField("from", e.from());
        g.writeStringField("to", e.to());
        g.writeStringField("artifact", e.artifact());
        g.writeBooleanField("inForce", e.inForce());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
