package dev.sopkit.cli;

import dev.sopkit.check.RepoCheck;
import dev.sopkit.diag.Text;
import dev.sopkit.graph.HandoffGraph;
import dev.sopkit.graph.PromiseAnalysis;
import dev.sopkit.model.Durations;
import dev.sopkit.model.Org;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sop show ID}: one SOP in the terminal, with the SOPs it takes from and hands to. */
@Command(
    name = "show",
    header = "Show one SOP with its upstream and downstream SOPs.",
    description = {
      "Show one SOP: its facts, steps, inputs, outputs and promises, the upstream SOPs that hand"
          + " it its inputs and the downstream SOPs that pick up its outputs."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sop show CS-001",
      "  sop show CS-001 handbook/sops",
      "",
      "Find ids with 'sop list'."
    })
final class ShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin HelpOption help;
  @ParentCommand SopkitCommand parent;

  @Parameters(index = "0", paramLabel = "ID", description = "The SOP id, for example CS-001.")
  String id;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "ROOT",
      description = "The SOP repository folder, holding org.yaml (default: ${DEFAULT-VALUE}).",
      defaultValue = "sops")
  String root;

  /** The flag of earlier versions, kept so scripts that use it go on working. */
  @Option(names = "--root", paramLabel = "ROOT", hidden = true)
  String rootFlag;

  @Option(
      names = "--today",
      paramLabel = "DATE",
      description = "The date the review status is measured against, YYYY-MM-DD (default: today).")
  String today;

  @Override
  public Integer call() throws IOException {
    LocalDate date = Repos.today(today, java.time.Clock.systemUTC());
    RepoCheck.Result result =
        Repos.load(parent.workDir(), rootFlag != null ? rootFlag : root, date);
    Workspace ws = result.workspace();
    Sop sop = Lookups.sop(ws, id);
    HandoffGraph graph = HandoffGraph.of(ws);
    PrintWriter out = spec.commandLine().getOut();
    out.println(p(sop.idText()) + "  " + p(sop.title()));
    out.println();
    field(out, "file", sop.file());
    field(out, "department", named(p(sop.departmentText()), deptName(ws, sop.departmentText())));
    field(out, "owner", named(p(text(sop.owner())), roleName(ws, text(sop.owner()))));
    String status = sop.status() == null ? "-" : sop.status().yaml();
    String version = sop.version() == null ? "" : ", version " + p(sop.version());
    String effective = sop.effective() == null ? "" : ", effective " + p(sop.effective().value());
    field(out, "status", status + version + effective);
    if (sop.review() != null && sop.review().every() != null) {
      LocalDate due = Reviews.due(sop);
      String last = sop.review().last() == null ? "never" : p(sop.review().last().value());
      String when =
          due == null
              ? ""
              : Reviews.overdue(sop, date)
                  ? ", OVERDUE since " + due
                  : ", next due " + due;
      field(out, "review", "every " + p(Durations.inWords(sop.review().every().value())) + ", last " + last + when);
    }
    list(out, "stages", sop.stages());
    list(out, "channels", sop.channels());
    if (sop.purpose() != null) {
      out.println();
      out.println("Purpose");
      out.println(indent(sop.purpose().strip()));
    }

    out.println();
    out.println("Steps");
    int n = 1;
    for (Sop.Step st : sop.steps()) {
      List<String> facts = new ArrayList<>();
      facts.add(p(text(st.role())));
      if (st.duration() != null) {
        facts.add(p(Durations.inWords(st.duration().value())));
      }
      if (!st.systems().isEmpty()) {
        facts.add(join(st.systems()));
      }
      out.println("  " + n++ + ". " + p(text(st.id())) + " (" + String.join(", ", facts) + ")");
      if (st.when() != null) {
        out.println("     when: " + p(oneLine(st.when())));
      }
      if (st.instruction() != null) {
        out.println("     " + p(oneLine(st.instruction())));
      }
      if (!st.produces().isEmpty()) {
        out.println("     produces: " + join(st.produces()));
      }
    }

    if (!sop.promises().isEmpty()) {
      out.println();
      out.println("Promises");
      for (Sop.Promise pr : sop.promises()) {
        String on = pr.channel() == null ? "" : " on " + p(pr.channel().value());
        String until = pr.until() == null ? "" : " until " + p(pr.until().value());
        out.println("  " + p(text(pr.id())) + ": within " + p(Durations.inWords(text(pr.within()))) + on + until);
        PromiseAnalysis.Result r = pr.until() == null ? null : PromiseAnalysis.of(ws).of(pr);
        if (r != null) {
          out.println("     " + worstCase(r));
        }
      }
    }

    out.println();
    out.println("Upstream (hands this SOP its inputs)");
    if (sop.inputs().isEmpty()) {
      out.println("  none: this SOP takes no inputs");
    }
    for (Sop.Input in : sop.inputs()) {
      String what = p(text(in.artifact())) + " from " + p(text(in.from()));
      List<HandoffGraph.Handoff> links = graph.linksOf(in);
      if (links.isEmpty()) {
        String why =
            in.from() != null && ws.isExternal(in.from().value())
                ? "external"
                : "no SOP hands it over";
        out.println("  " + what + ": " + why);
      }
      for (HandoffGraph.Handoff h : links) {
        out.println("  " + what + ": " + sopLabel(h.from()));
      }
    }

    out.println();
    out.println("Downstream (picks up this SOP's outputs)");
    if (sop.outputs().isEmpty()) {
      out.println("  none: this SOP hands nothing over");
    }
    List<HandoffGraph.Handoff> down = graph.downstream(sop);
    for (Sop.Output o : sop.outputs()) {
      for (Ref to : o.to()) {
        String what = p(text(o.artifact())) + " to " + p(to.value());
        List<String> takers =
            down.stream()
                .filter(h -> h.output() == o && to.value().equals(h.to().departmentText()))
                .map(h -> sopLabel(h.to()))
                .toList();
        if (takers.isEmpty()) {
          out.println("  " + what + ": " + (ws.isExternal(to.value()) ? "external" : "no SOP picks it up"));
        }
        for (String t : takers) {
          out.println("  " + what + ": " + t);
        }
      }
    }
    return ExitCodes.CLEAN;
  }

  /**
   * "worst case 11 business days 30 minutes, at risk (within 10 business days), when started Fri
   * 2026-12-18 16:30 Europe/Berlin, via CS-RET-001 -> FIN-REF-001": the figure, the start that
   * causes it and the path, as promise-at-risk, diff and the handbook give them.
   */
  private static String worstCase(PromiseAnalysis.Result r) {
    if (!r.reachable()) {
      return "worst case: no SOP along the handoffs outputs " + p(r.until());
    }
    String start = r.worstStartText() == null ? "" : ", when started " + r.worstStartText();
    // business deadlines in the analysis's business time; elapsed ones in words, as above
    boolean business = r.deadline().business();
    boolean never = r.worstCase().getSeconds() == Long.MAX_VALUE;
    return "worst case "
        + (business || never ? r.worstText() : Durations.words(r.worstCase()))
        + (r.atRisk() ? ", at risk" : ", kept")
        + " (within "
        + (business ? r.withinText() : Durations.words(r.within()))
        + ")"
        + start
        + ", via "
        + r.path().stream().map(s -> p(s.idText())).collect(Collectors.joining(" -> "));
  }

  private static String sopLabel(Sop s) {
    return p(s.idText()) + " " + p(s.title());
  }

  private static void field(PrintWriter out, String name, String value) {
    out.printf("  %-11s %s%n", name + ":", value);
  }

  private static void list(PrintWriter out, String name, List<Ref> refs) {
    if (!refs.isEmpty()) {
      field(out, name, join(refs));
    }
  }

  private static String join(List<Ref> refs) {
    return refs.stream().map(r -> p(r.value())).collect(Collectors.joining(", "));
  }

  private static String named(String id, String name) {
    return name == null ? id : id + " (" + p(name) + ")";
  }

  private static String deptName(Workspace ws, String id) {
    Org.Department d = id == null ? null : ws.department(id);
    return d == null ? null : d.name();
  }

  private static String roleName(Workspace ws, String id) {
    for (Org.Role r : ws.org().roles()) {
      if (r.id() != null && r.id().value().equals(id)) {
        return r.name();
      }
    }
    return null;
  }

  private static String text(Ref r) {
    return r == null ? null : r.value();
  }

  /** A user value made safe for the terminal; "-" when missing. */
  private static String p(String s) {
    return s == null ? "-" : Text.printable(s);
  }

  private static String oneLine(String s) {
    return s.strip().replaceAll("\\s*\\n\\s*", " ");
  }

  private static String indent(String s) {
    return "  " + p(oneLine(s));
  }
}
