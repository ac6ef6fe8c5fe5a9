package dev.sopkit.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.sopkit.check.RepoCheck;
import dev.sopkit.diag.Text;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Status;
import dev.sopkit.model.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sop list [ROOT]}: the SOPs of a repository as a table or JSON, filtered. */
@Command(
    name = "list",
    header = "List the SOPs of a repository.",
    description = {
      "List the SOPs of a repository, sorted by id: id, status, department, owner, next review"
          + " and title. Filters combine (all must match)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sop list                                  every SOP in ./sops",
      "  sop list --department customer-service --status draft",
      "  sop list --role csr                        SOPs the role owns or has a step in",
      "  sop list --overdue                         SOPs whose review is overdue",
      "  sop list --format json | jq -r '.[].id'"
    })
final class ListCommand implements Callable<Integer> {
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  @Spec CommandSpec spec;
  @Mixin HelpOption help;
  @ParentCommand SopkitCommand parent;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "ROOT",
      description = "The SOP repository folder, holding org.yaml (default: ${DEFAULT-VALUE}).",
      defaultValue = "sops")
  String root;

  @Option(names = "--department", paramLabel = "DEPT", description = "Only SOPs of this department.")
  String department;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "Only SOPs with this status: ${COMPLETION-CANDIDATES}.")
  StatusName status;

  @Option(names = "--stage", paramLabel = "STAGE", description = "Only SOPs serving this journey stage.")
  String stage;

  @Option(
      names = "--role",
      paramLabel = "ROLE",
      description = "Only SOPs this role owns or performs a step in.")
  String role;

  @Option(
      names = "--overdue",
      description = "Only SOPs whose review is overdue: last review plus review period before"
          + " today (as the review-overdue rule says).")
  boolean overdue;

  @Option(
      names = "--today",
      paramLabel = "DATE",
      description = "The date --overdue compares with, YYYY-MM-DD (default: today).")
  String today;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  Format format;

  /** The output formats of {@code list}. */
  enum Format {
    table,
    json
  }

  /** Status spellings as written in SOP files. */
  enum StatusName {
    draft,
    review,
    approved,
    retired
  }

  @Override
  public Integer call() throws IOException {
    LocalDate date = Repos.today(today, java.time.Clock.systemUTC());
    RepoCheck.Result result = Repos.load(parent.workDir(), root, date);
    Workspace ws = result.workspace();
    if (department != null) {
      Lookups.department(ws, department, "--department");
    }
    if (role != null) {
      Lookups.role(ws, role, "--role");
    }
    if (stage != null) {
      Lookups.stage(ws, stage, "--stage");
    }
    List<Sop> sops = new ArrayList<>();
    for (Sop s : ws.sops()) {
      if (matches(s, date)) {
        sops.add(s);
      }
    }
    sops.sort(
        Comparator.comparing((Sop s) -> s.idText() == null ? "" : s.idText())
            .thenComparing(Sop::file));
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      json(sops, date, out);
    } else {
      table(sops, out);
    }
    long broken = result.findings().stream().filter(d -> d.severity().label().equals("error")).count();
    if (broken > 0) {
      spec.commandLine()
          .getErr()
          .println(
              "sop: note: the repository has "
                  + broken
                  + (broken == 1 ? " error" : " errors")
                  + "; run 'sop validate' to see them");
    }
    return ExitCodes.CLEAN;
  }

  private boolean matches(Sop s, LocalDate date) {
    if (department != null && !department.equals(s.departmentText())) {
      return false;
    }
    if (status != null && s.status() != Status.parse(status.name())) {
      return false;
    }
    if (stage != null && s.stages().stream().noneMatch(r -> stage.equals(r.value()))) {
      return false;
    }
    if (role != null && !involves(s, role)) {
      return false;
    }
    return !overdue || Reviews.overdue(s, date);
  }

  private static boolean involves(Sop s, String role) {
    return role.equals(text(s.owner()))
        || s.steps().stream().anyMatch(st -> role.equals(text(st.role())));
  }

  private static String text(Ref r) {
    return r == null ? null : r.value();
  }

  private static String cell(String s) {
    return s == null ? "-" : Text.printable(s);
  }

  private static void table(List<Sop> sops, PrintWriter out) {
    if (sops.isEmpty()) {
      out.println("no SOPs match");
      return;
    }
    String[] head = {"ID", "STATUS", "DEPARTMENT", "OWNER", "REVIEW DUE", "TITLE"};
    List<String[]> rows = new ArrayList<>();
    rows.add(head);
    for (Sop s : sops) {
      LocalDate due = Reviews.due(s);
      rows.add(
          new String[] {
            cell(s.idText()),
            s.status() == null ? "-" : s.status().yaml(),
            cell(s.departmentText()),
            cell(text(s.owner())),
            due == null ? "-" : due.toString(),
            cell(s.title())
          });
    }
    int[] width = new int[head.length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        line.append(r[i]);
        if (i < r.length - 1) {
          line.append(" ".repeat(width[i] - r[i].length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static void json(List<Sop> sops, LocalDate date, PrintWriter out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartArray();
      for (Sop s : sops) {
        LocalDate due = Reviews.due(s);
        g.writeStartObject();
        g.writeStringField("id", s.idText());
        g.writeStringField("title", s.title());
        g.writeStringField("department", s.departmentText());
        g.writeStringField("owner", text(s.owner()));
        g.writeStringField("status", s.status() == null ? null : s.status().yaml());
        g.writeStringField("version", s.version());
        g.writeStringField("file", s.file());
        g.writeArrayFieldStart("stages");
        for (Ref r : s.stages()) {
          g.writeString(r.value());
        }
        g.writeEndArray();
        g.writeStringField("reviewDue", due == null ? null : due.toString());
        g.writeBooleanField("overdue", Reviews.overdue(s, date));
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    out.println();
    out.flush();
  }
}
