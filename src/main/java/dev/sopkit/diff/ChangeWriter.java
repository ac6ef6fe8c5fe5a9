package dev.sopkit.diff;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.sopkit.diag.Text;
import dev.sopkit.diff.ChangeReport.HandoffChange;
import dev.sopkit.diff.ChangeReport.InputChange;
import dev.sopkit.diff.ChangeReport.Producer;
import dev.sopkit.diff.ChangeReport.PromiseChange;
import dev.sopkit.diff.ChangeReport.PromiseTime;
import dev.sopkit.diff.ChangeReport.Review;
import dev.sopkit.diff.ChangeReport.SopChange;
import dev.sopkit.diff.ChangeReport.SopKind;
import dev.sopkit.model.Durations;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Writes a {@link ChangeReport} as text (terminals), JSON (scripts) or Markdown (PR comments). */
public final class ChangeWriter {
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private ChangeWriter() {}

  /** A department pair, "from -> to", and what changed between the two. */
  private record Pair(String from, String to) implements Comparable<Pair> {
    @Override
    public int compareTo(Pair o) {
      int c = from.compareTo(o.from);
      return c != 0 ? c : to.compareTo(o.to);
    }
  }

  private record Between(List<HandoffChange> handoffs, List<InputChange> inputs) {}

  private static TreeMap<Pair, Between> byPair(ChangeReport r) {
    TreeMap<Pair, Between> out = new TreeMap<>();
    for (HandoffChange h : r.handoffs()) {
      out.computeIfAbsent(new Pair(h.fromDepartment(), h.toDepartment()),
          k -> new Between(new ArrayList<>(), new ArrayList<>())).handoffs().add(h);
    }
    for (InputChange i : r.inputs()) {
      out.computeIfAbsent(new Pair(i.fromDepartment(), i.toDepartment()),
          k -> new Between(new ArrayList<>(), new ArrayList<>())).inputs().add(i);
    }
    return out;
  }

  private static String shortSha(String commit) {
    return commit == null ? "" : commit.substring(0, Math.min(12, commit.length()));
  }

  // ---------------------------------------------------------------- text

  public static void text(ChangeReport r, PrintWriter out) {
    out.println("sop diff: " + p(r.rev()) + " (" + shortSha(r.commit()) + ") -> working tree");
    out.println(verdict(r));
    if (!r.reviews().isEmpty()) {
      out.println();
      out.println("reviewers");
      for (Review v : r.reviews()) {
        out.println("  " + p(v.department()) + ": "
            + (v.reviewers().isEmpty() ? "nobody named in org.yaml" : p(String.join(" ", v.reviewers()))));
        v.changes().forEach(c -> out.println("    " + p(c)));
      }
    }
    byPair(r).forEach(
        (pair, between) -> {
          out.println();
          out.println(p(pair.from()) + " -> " + p(pair.to()));
          for (HandoffChange h : between.handoffs()) {
            out.println("  " + (h.added() ? "+ handoff added  " : "- handoff removed") + "  "
                + p(h.fromSop()) + " -> " + p(h.toSop()) + "  '" + p(h.artifact()) + "'");
          }
          for (InputChange i : between.inputs()) {
            out.println("  " + (i.broken() ? "! input broken   " : "* input fixed    ") + "  "
                + p(i.sop()) + " waits for '" + p(i.artifact()) + "'"
                + (i.broken() && i.reason() != null ? ": " + p(i.reason()) : "")
                + " (" + p(i.file()) + ":" + i.line() + ")");
            for (Producer o : i.producers()) {
              out.println("      " + (o.base() ? "at " + p(r.rev()) : "now") + ": " + p(o.file()) + ":"
                  + o.line() + " (" + p(o.sop()) + "): " + p(o.message()));
            }
          }
        });
    if (!r.promises().isEmpty()) {
      out.println();
      out.println("promises");
      for (PromiseChange c : r.promises()) {
        out.println("  " + p(c.sop()) + " '" + p(c.promise()) + "' until '" + p(c.until()) + "': "
            + time(c.before()) + " -> " + time(c.after()));
      }
    }
    if (!r.sops().isEmpty()) {
      out.println();
      out.println("sops");
      for (SopChange s : r.sops()) {
        out.println("  " + (s.kind() == SopKind.UNVERSIONED ? "warning: " : "")
            + p(Objects.requireNonNullElse(s.department(), "?")) + " " + p(s.sop()) + " " + s.kind().label()
            + fromTo(s) + " (" + p(s.file()) + ")");
      }
    }
    for (String n : r.notes()) {
      out.println();
      out.println("note: " + p(n));
    }
    out.flush();
  }

  private static String fromTo(SopChange s) {
    return switch (s.kind()) {
      case ADDED -> s.after() == null ? "" : " as " + p(s.after());
      case REMOVED -> "";
      case UNVERSIONED -> s.after() == null ? "" : " (still " + p(s.after()) + ")";
      default -> ": " + p(Objects.requireNonNullElse(s.before(), "none")) + " -> "
          + p(Objects.requireNonNullElse(s.after(), "none"));
    };
  }

  private static String time(PromiseTime t) {
    if (t == null) {
      return "no promise";
    }
    // a business deadline's figures are working time: only the analysis's words say so
    boolean business = t.withinText() != null;
    String worst =
        t.worstCase() == null
            ? "unreachable"
            : "worst case " + (business ? t.worstText() : Durations.words(t.worstCase()));
    String within = business ? t.withinText() : Durations.words(t.within());
    String start = t.worstStart() == null ? "" : " when started " + t.worstStart();
    return worst + " within " + within + (t.atRisk() ? " (at risk)" : "") + start;
  }

  private static String p(String s) {
    return s == null ? "" : Text.printable(s);
  }

  /** One line: what a reviewer most needs to know. */
  static String verdict(ChangeReport r) {
    long broken = r.broken();
    if (broken > 0) {
      return "BREAKING: " + plural(broken, "input") + " newly broken between departments";
    }
    if (r.empty()) {
      return "no change between departments";
    }
    long warnings = r.unversioned() + newlyAtRisk(r);
    return "no input broken; " + plural(changes(r), "change") + " between departments"
        + (warnings > 0 ? ", " + plural(warnings, "warning") : "");
  }

  private static long newlyAtRisk(ChangeReport r) {
    return r.promises().stream()
        .filter(c -> c.after() != null && c.after().atRisk() && (c.before() == null || !c.before().atRisk()))
        .count();
  }

  private static long changes(ChangeReport r) {
    return r.handoffs().size() + r.inputs().size() + r.promises().size() + r.sops().size();
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  // ---------------------------------------------------------------- markdown

  /** The producer's side of a broken input, a line of its own in the table cell per output. */
  private static String producers(ChangeReport r, InputChange i) {
    StringBuilder b = new StringBuilder();
    for (Producer o : i.producers()) {
      b.append("<br>")
          .append(o.base() ? "at " + Markdown.code(r.rev()) : "now")
          .append(": ")
          .append(Markdown.code(o.sop()))
          .append(' ')
          .append(Markdown.text(o.message()))
          .append(" (")
          .append(Markdown.text(o.file() + ":" + o.line()))
          .append(')');
    }
    return b.toString();
  }

  /** For a pull-request comment: a verdict line, then tables by department pair. */
  public static void markdown(ChangeReport r, PrintWriter out) {
    long broken = r.broken();
    String icon = broken > 0 ? "❌" : (r.unversioned() + newlyAtRisk(r) > 0 ? "⚠️" : "✅");
    out.println("**" + icon + " sop diff: " + Markdown.text(verdict(r)) + "**");
    out.println();
    out.println("Compared with " + Markdown.code(r.rev()) + " (" + Markdown.code(shortSha(r.commit()))
        + "): " + plural(r.handoffs().size(), "handoff") + " changed, "
        + plural(r.inputs().size(), "input") + " broken or fixed, "
        + plural(r.promises().size(), "promise") + " retimed, "
        + plural(r.sops().size(), "SOP change") + ".");
    if (!r.reviews().isEmpty()) {
      out.println();
      out.println("### Who must review");
      out.println();
      for (Review v : r.reviews()) {
        out.println("- " + (v.reviewers().isEmpty()
            ? Markdown.code(v.department()) + ", nobody named in `org.yaml`:"
            : String.join(" ", v.reviewers().stream().map(ChangeWriter::handle).toList())
                + " for " + Markdown.code(v.department()) + ":"));
        v.changes().forEach(c -> out.println("  - " + Markdown.text(c)));
      }
    }
    byPair(r).forEach(
        (pair, between) -> {
          out.println();
          out.println("### " + Markdown.code(pair.from()) + " → " + Markdown.code(pair.to()));
          out.println();
          out.println("| Change | From SOP | To SOP | Artifact | Detail |");
          out.println("| --- | --- | --- | --- | --- |");
          for (InputChange i : between.inputs()) {
            out.println("| " + (i.broken() ? "❌ input broken" : "✅ input fixed") + " | | "
                + Markdown.code(i.sop()) + " | " + Markdown.code(i.artifact()) + " | "
                + (i.broken() && i.reason() != null ? Markdown.text(i.reason()) + " " : "")
                + "(" + Markdown.text(i.file() + ":" + i.line()) + ")" + producers(r, i) + " |");
          }
          for (HandoffChange h : between.handoffs()) {
            out.println("| " + (h.added() ? "➕ handoff added" : "➖ handoff removed") + " | "
                + Markdown.code(h.fromSop()) + " | " + Markdown.code(h.toSop()) + " | "
                + Markdown.code(h.artifact()) + " | |");
          }
        });
    if (!r.promises().isEmpty()) {
      out.println();
      out.println("### Promises");
      out.println();
      out.println("| Department | SOP | Promise | Until | Before | After |");
      out.println("| --- | --- | --- | --- | --- | --- |");
      for (PromiseChange c : r.promises()) {
        out.println("| " + Markdown.code(c.department()) + " | " + Markdown.code(c.sop()) + " | "
            + Markdown.code(c.promise()) + " | " + Markdown.code(c.until()) + " | "
            + Markdown.text(time(c.before())) + " | " + Markdown.text(time(c.after())) + " |");
      }
    }
    if (!r.sops().isEmpty()) {
      out.println();
      out.println("### SOPs");
      out.println();
      out.println("| Department | SOP | Title | Change |");
      out.println("| --- | --- | --- | --- |");
      for (SopChange s : r.sops()) {
        out.println("| " + Markdown.code(s.department()) + " | " + Markdown.code(s.sop()) + " | "
            + Markdown.text(Objects.requireNonNullElse(s.title(), "")) + " | "
            + (s.kind() == SopKind.UNVERSIONED ? "⚠️ " : "")
            + Markdown.text(s.kind().label() + fromTo(s)) + " |");
      }
    }
    for (String n : r.notes()) {
      out.println();
      out.println("> " + Markdown.text(n));
    }
    out.flush();
  }

  /** Users, teams and e-mail addresses as they are, so they are notified; anything else escaped. */
  private static String handle(String h) {
    return HANDLE.matcher(h).matches() ? h : Markdown.text(h);
  }

  private static final Pattern HANDLE =
      Pattern.compile(
          "@[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9][A-Za-z0-9_.-]*)*"
              + "|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

  // ---------------------------------------------------------------- json

  public static void json(ChangeReport r, PrintWriter out) {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      g.writeObjectFieldStart("base");
      g.writeStringField("rev", r.rev());
      g.writeStringField("commit", r.commit());
      g.writeEndObject();
      g.writeNumberField("broken", r.broken());
      g.writeStringField("verdict", verdict(r));
      g.writeArrayFieldStart("handoffs");
      for (HandoffChange h : r.handoffs()) {
        g.writeStartObject();
        g.writeStringField("change", h.added() ? "added" : "removed");
        g.writeStringField("fromDepartment", h.fromDepartment());
        g.writeStringField("fromSop", h.fromSop());
        g.writeStringField("toDepartment", h.toDepartment());
        g.writeStringField("toSop", h.toSop());
        g.writeStringField("artifact", h.artifact());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("inputs");
      for (InputChange i : r.inputs()) {
        g.writeStartObject();
        g.writeStringField("change", i.broken() ? "broken" : "fixed");
        g.writeStringField("fromDepartment", i.fromDepartment());
        g.writeStringField("toDepartment", i.toDepartment());
        g.writeStringField("sop", i.sop());
        g.writeStringField("artifact", i.artifact());
        g.writeStringField("file", i.file());
        g.writeNumberField("line", i.line());
        g.writeStringField("reason", i.reason());
        g.writeArrayFieldStart("producers");
        for (Producer o : i.producers()) {
          g.writeStartObject();
          g.writeStringField("version", o.base() ? "base" : "head");
          g.writeStringField("file", o.file());
          g.writeNumberField("line", o.line());
          g.writeNumberField("column", o.column());
          g.writeStringField("sop", o.sop());
          g.writeStringField("message", o.message());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("promises");
      for (PromiseChange c : r.promises()) {
        g.writeStartObject();
        g.writeStringField("department", c.department());
        g.writeStringField("sop", c.sop());
        g.writeStringField("promise", c.promise());
        g.writeStringField("until", c.until());
        promiseTime(g, "before", c.before());
        promiseTime(g, "after", c.after());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("sops");
      for (SopChange s : r.sops()) {
        g.writeStartObject();
        g.writeStringField("change", s.kind().name().toLowerCase(java.util.Locale.ROOT));
        g.writeStringField("department", s.department());
        g.writeStringField("sop", s.sop());
        g.writeStringField("title", s.title());
        g.writeStringField("file", s.file());
        g.writeStringField("before", s.before());
        g.writeStringField("after", s.after());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("notes");
      for (String n : r.notes()) {
        g.writeString(n);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("reviewers");
      for (String h : r.reviewers()) {
        g.writeString(h);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("reviews");
      for (Review v : r.reviews()) {
        g.writeStartObject();
        g.writeStringField("department", v.department());
        g.writeArrayFieldStart("reviewers");
        for (String h : v.reviewers()) {
          g.writeString(h);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("changes");
        for (String c : v.changes()) {
          g.writeString(c);
        }
        g.writeEndArray();
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

  private static void promiseTime(JsonGenerator g, String field, PromiseTime t) throws IOException {
    if (t == null) {
      g.writeNullField(field);
      return;
    }
    g.writeObjectFieldStart(field);
    g.writeStringField("within", iso(t.within()));
    g.writeStringField("worstCase", t.worstCase() == null ? null : iso(t.worstCase()));
    g.writeBooleanField("atRisk", t.atRisk());
    g.writeStringField("withinText", t.withinText());
    g.writeStringField("worstCaseText", t.worstText());
    g.writeStringField("worstStart", t.worstStart());
    g.writeEndObject();
  }

  /** ISO-8601 as SOP files write it: P3D for whole days, PT26H30M otherwise. */
  static String iso(Duration d) {
    long s = d.getSeconds();
    return s > 0 && s % 86_400 == 0 ? "P" + (s / 86_400) + "D" : d.toString();
  }
}
