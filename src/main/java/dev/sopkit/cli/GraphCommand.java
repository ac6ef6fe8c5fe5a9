package dev.sopkit.cli;

import dev.sopkit.bpmn.BpmnExport;
import dev.sopkit.check.RepoCheck;
import dev.sopkit.diagram.DiagramWriter;
import dev.sopkit.diagram.GraphView;
import dev.sopkit.graph.HandoffGraph;
import dev.sopkit.load.RepoScanner;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sop graph [ROOT]}: who hands what to whom, as a diagram or JSON. */
@Command(
    name = "graph",
    header = "Print the handoff graph between SOPs.",
    description = {
      "Print the handoff graph: SOPs grouped by department, and an edge for each artifact one"
          + " SOP hands over to another. Retired SOPs are left out; a draft that hands over to an"
          + " SOP in force is drawn dashed (it is not in force yet).",
      "Files with errors are drawn as far as they can be read; run sop validate for the errors."
    },
    footer = {
      "",
      "Examples:",
      "  sop graph | dot -Tsvg > handoffs.svg          the whole graph with Graphviz",
      "  sop graph --format mermaid --department warehouse",
      "                                                 one department and its partners",
      "  sop graph --sop CS-RET-001 --upstream         everything a return waits for",
      "  sop graph --format bpmn > handoffs.bpmn       BPMN 2.0 for Camunda Modeler",
      "",
      "Exit codes: 0 done, 2 usage or input problem, 3 internal error."
    })
final class GraphCommand implements Callable<Integer> {
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

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "dot")
  Format format;

  @Option(
      names = "--department",
      paramLabel = "D",
      description = "Only department D's SOPs, the SOPs they trade with, and those handoffs.")
  String department;

  @Option(
      names = "--sop",
      paramLabel = "ID",
      description = "Only this SOP and the SOPs linked to it (both ways unless --upstream or"
          + " --downstream is given), followed transitively.")
  String sop;

  @Option(names = "--upstream", description = "With --sop: the SOPs it waits for, transitively.")
  boolean upstream;

  @Option(names = "--downstream", description = "With --sop: the SOPs that wait for it, transitively.")
  boolean downstream;

  @Option(names = "--verbose", description = "Show stack traces of internal errors.")
  boolean verbose;

  /** The output formats of {@code graph}. */
  enum Format {
    dot,
    mermaid,
    json,
    bpmn
  }

  @Override
  public Integer call() throws IOException {
    if (department != null && sop != null) {
      throw new UserException("give --department or --sop, not both");
    }
    if ((upstream || downstream) && sop == null) {
      throw new UserException("--upstream and --downstream need --sop ID");
    }
    RepoScanner.Listing listing = Repos.scan(parent.workDir(), root);
    Workspace ws = RepoCheck.run(listing, LocalDate.now(Clock.systemUTC())).workspace();
    GraphView view;
    if (department != null) {
      Lookups.department(ws, department, "--department");
      view = GraphView.department(ws, department);
    } else if (sop != null) {
      Sop s = Lookups.sop(ws, sop);
      if (!HandoffGraph.active(s)) {
        throw new UserException(
            "SOP '" + s.idText() + "' is retired or has no department: it has no handoffs");
      }
      boolean both = !upstream && !downstream;
      view = GraphView.around(ws, s, upstream || both, downstream || both);
    } else {
      view = GraphView.whole(ws);
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case dot -> DiagramWriter.dot(view, out);
      case mermaid -> DiagramWriter.mermaid(view, out);
      case json -> DiagramWriter.json(view, out);
      case bpmn -> {
        out.print(BpmnExport.toXml(ws, view));
        out.println();
        out.flush();
      }
    }
    return ExitCodes.CLEAN;
  }
}
