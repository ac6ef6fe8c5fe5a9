package dev.sopkit.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.sopkit.diag.Diagnostic;
import dev.sopkit.diag.JUnitFormatter;
import dev.sopkit.diag.Text;
import dev.sopkit.model.Sop;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * What {@code sop test} prints: per scenario its result, its timeline and what did not hold, in
 * text, JSON (a public contract: fields are added, never removed) or JUnit XML (one test case per
 * scenario, so CI lists scenarios as tests).
 */
public final class ScenarioReport {
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private final List<ScenarioRun.Outcome> outcomes;

  public ScenarioReport(List<ScenarioRun.Outcome> outcomes) {
    this.outcomes = outcomes;
  }

  /** pass, fail (an expectation did not hold) or error (not traced: see its problems). */
  static String result(ScenarioRun.Outcome o) {
    return !o.problems().isEmpty() ? "error" : o.passed() ? "pass" : "fail";
  }

  /** Whether every scenario passed. */
  public boolean passed() {
    return outcomes.stream().allMatch(ScenarioRun.Outcome::passed);
  }

  /** "3 scenarios: 1 passed, 1 failed, 1 with errors" */
  public String summary() {
    long pass = count("pass");
    long fail = count("fail");
    long error = count("error");
    int n = outcomes.size();
    return n
        + (n == 1 ? " scenario: " : " scenarios: ")
        + pass
        + " passed, "
        + fail
        + " failed"
        + (error > 0 ? ", " + error + " with errors" : "");
  }

  private long count(String result) {
    return outcomes.stream().filter(o -> result(o).equals(result)).count();
  }

  public void text(PrintWriter out) {
    for (ScenarioRun.Outcome o : outcomes) {
      out.println(
          result(o).toUpperCase(java.util.Locale.ROOT)
              + " "
              + Text.printable(o.name())
              + "  "
              + Text.printable(o.scenario().file()));
      for (Diagnostic d : o.problems()) {
        out.println("  " + Text.printable(d.toText()));
      }
      for (String line : timeline(o)) {
        out.println("  " + line);
      }
      for (ScenarioRun.Check c : o.checks()) {
        if (!c.passed()) {
          out.println("  " + Text.printable(failure(c)));
        }
      }
    }
    out.println(summary());
    out.flush();
  }

  /** "file:line:col: sops: expected A, B; got A, C" */
  static String failure(ScenarioRun.Check c) {
    return c.pos() + ": " + c.name() + ": expected " + c.expected() + "; got " + c.actual();
  }

  /**
   * One line per event, in time order: each SOP starting (with what it skips), each handover,
   * an SOP done without handing anything over, and the finish.
   */
  static List<String> timeline(ScenarioRun.Outcome o) {
    if (o.start() == null) {
      return List.of();
    }
    ZoneId zone = o.start().getZone();
    record Event(Instant at, int order, String what) {}
    List<Event> events = new ArrayList<>();
    int order = 0;
    for (ScenarioRun.Act a : o.acts()) {
      String skipped =
          a.steps().stream()
              .filter(s -> !s.taken())
              .map(s -> s.step().id() == null ? "?" : s.step().id().value())
              .collect(Collectors.joining(", "));
      String received =
          a.received().equals(a.started())
              ? ""
              : " (handed over " + Instants.show(a.received().atZone(zone)) + ")";
      events.add(
          new Event(
              a.started(),
              order++,
              pad(a.sop().idText()) + " " + a.sop().departmentText() + " starts" + received
                  + (skipped.isEmpty() ? "" : "; skips " + skipped)));
      boolean handsOver = o.handovers().stream().anyMatch(h -> h.from() == a.sop());
      if (a.finished().equals(Instant.MAX)) {
        events.add(new Event(Instant.MAX, order++, pad(a.sop().idText()) + " is never done"));
      } else if (!handsOver) {
        events.add(new Event(a.finished(), order++, pad(a.sop().idText()) + " done"));
      }
    }
    for (ScenarioRun.Handover h : o.handovers()) {
      events.add(
          new Event(
              h.at(),
              order++,
              pad(h.from().idText())
                  + " hands over "
                  + h.artifact()
                  + " to "
                  + h.to()
                  + (h.receiver() == null ? "" : " (" + h.receiver().idText() + ")")));
    }
    events.sort(Comparator.comparing(Event::at).thenComparingInt(Event::order));
    List<String> lines = new ArrayList<>();
    for (Event e : events) {
      String when = e.at().equals(Instant.MAX) ? pad("never", 36) : Instants.show(e.at().atZone(zone));
      lines.add(Text.printable(pad(when, 36) + " " + e.what()));
    }
    String until =
        o.scenario().expect() == null || o.scenario().expect().until() == null
            ? "the last SOP done"
            : o.scenario().expect().until().value() + " handed over";
    lines.add(
        o.finish() == null
            ? "finish: never (" + until + ")"
            : "finish: " + Instants.show(o.finish().atZone(zone)) + " (" + until + ")");
    return lines;
  }

  private static String pad(String s) {
    return pad(s == null ? "?" : s, 12);
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  public void json(PrintWriter out) {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      g.writeArrayFieldStart("scenarios");
      for (ScenarioRun.Outcome o : outcomes) {
        scenario(g, o);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("summary");
      g.writeNumberField("scenarios", outcomes.size());
      g.writeNumberField("passed", count("pass"));
      g.writeNumberField("failed", count("fail"));
      g.writeNumberField("errors", count("error"));
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }

  private static void scenario(JsonGenerator g, ScenarioRun.Outcome o) throws IOException {
    ZoneId zone = o.start() == null ? null : o.start().getZone();
    g.writeStartObject();
    g.writeStringField("name", o.scenario().name());
    g.writeStringField("file", o.scenario().file());
    g.writeStringField("result", result(o));
    g.writeArrayFieldStart("problems");
    for (Diagnostic d : o.problems()) {
      g.writeStartObject();
      g.writeStringField("rule", d.rule());
      g.writeStringField("severity", d.severity().label());
      g.writeStringField("file", d.file());
      g.writeNumberField("line", d.line());
      g.writeNumberField("column", d.column());
      g.writeStringField("message", d.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("start", o.start() == null ? null : iso(o.start().toInstant(), zone));
    g.writeStringField("timezone", zone == null ? null : zone.getId());
    g.writeArrayFieldStart("timeline");
    for (ScenarioRun.Act a : o.acts()) {
      g.writeStartObject();
      g.writeStringField("sop", a.sop().idText());
      g.writeStringField("department", a.sop().departmentText());
      g.writeStringField("received", iso(a.received(), zone));
      g.writeStringField("started", iso(a.started(), zone));
      g.writeStringField("finished", iso(a.finished(), zone));
      g.writeArrayFieldStart("steps");
      for (ScenarioRun.StepRun s : a.steps()) {
        g.writeStartObject();
        Sop.Step step = s.step();
        g.writeStringField("id", step.id() == null ? null : step.id().value());
        g.writeBooleanField("taken", s.taken());
        g.writeStringField("start", iso(s.start(), zone));
        g.writeStringField("end", iso(s.end(), zone));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("handovers");
    for (ScenarioRun.Handover h : o.handovers()) {
      g.writeStartObject();
      g.writeStringField("artifact", h.artifact());
      g.writeStringField("from", h.from().idText());
      g.writeStringField("to", h.to());
      g.writeStringField("receiver", h.receiver() == null ? null : h.receiver().idText());
      g.writeStringField("at", iso(h.at(), zone));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("finish", iso(o.finish(), zone));
    g.writeArrayFieldStart("checks");
    for (ScenarioRun.Check c : o.checks()) {
      g.writeStartObject();
      g.writeStringField("name", c.name());
      g.writeStringField("file", c.pos().file());
      g.writeNumberField("line", c.pos().line());
      g.writeNumberField("column", c.pos().column());
      g.writeBooleanField("passed", c.passed());
      g.writeStringField("expected", c.expected());
      g.writeStringField("actual", c.actual());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** 2026-12-18T16:30:00+01:00, or null for never (or nothing). */
  private static String iso(Instant t, ZoneId zone) {
    return t == null || t.equals(Instant.MAX)
        ? null
        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(zone));
  }

  public void junit(PrintWriter out) {
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      nl(x, 0);
      x.writeStartElement("testsuites");
      counts(x);
      nl(x, 1);
      x.writeStartElement("testsuite");
      x.writeAttribute("name", "sop test");
      counts(x);
      x.writeAttribute("skipped", "0");
      for (ScenarioRun.Outcome o : outcomes) {
        nl(x, 2);
        x.writeStartElement("testcase");
        x.writeAttribute("classname", safe(classname(o.scenario().file())));
        x.writeAttribute("name", safe(o.name()));
        String result = result(o);
        if (result.equals("error")) {
          nl(x, 3);
          x.writeStartElement("error");
          Diagnostic first = o.problems().get(0);
          x.writeAttribute("message", safe("[" + first.rule() + "] " + first.message()));
          x.writeAttribute("type", first.rule());
          StringBuilder b = new StringBuilder("\n");
          o.problems().forEach(d -> b.append(safe(d.toText())).append('\n'));
          x.writeCharacters(b.toString());
          x.writeEndElement();
        } else if (result.equals("fail")) {
          List<ScenarioRun.Check> failed =
              o.checks().stream().filter(c -> !c.passed()).toList();
          nl(x, 3);
          x.writeStartElement("failure");
          x.writeAttribute("message", safe(failure(failed.get(0))));
          x.writeAttribute("type", failed.get(0).name());
          StringBuilder b = new StringBuilder("\n");
          failed.forEach(c -> b.append(safe(failure(c))).append('\n'));
          x.writeCharacters(b.toString());
          x.writeEndElement();
        }
        if (o.start() != null) {
          nl(x, 3);
          x.writeStartElement("system-out");
          StringBuilder b = new StringBuilder("\n");
          timeline(o).forEach(l -> b.append(safe(l)).append('\n'));
          x.writeCharacters(b.toString());
          x.writeEndElement();
        }
        if (!result.equals("pass") || o.start() != null) {
          nl(x, 2);
        }
        x.writeEndElement();
      }
      nl(x, 1);
      x.writeEndElement();
      nl(x, 0);
      x.writeEndElement();
      x.writeEndDocument();
      x.flush();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
    out.println();
    out.flush();
  }

  private void counts(XMLStreamWriter x) throws XMLStreamException {
    x.writeAttribute("tests", String.valueOf(outcomes.size()));
    x.writeAttribute("failures", String.valueOf(count("fail")));
    x.writeAttribute("errors", String.valueOf(count("error")));
  }

  private static void nl(XMLStreamWriter x, int depth) throws XMLStreamException {
    x.writeCharacters("\n" + "  ".repeat(depth));
  }

  private static String classname(String file) {
    return JUnitFormatter.classname(file);
  }

  private static String safe(String s) {
    return JUnitFormatter.safe(s == null ? "" : s);
  }
}
