package dev.sopkit.render;

import static dev.sopkit.render.Site.distinct;
import static dev.sopkit.render.Site.duration;
import static dev.sopkit.render.Site.safeUrl;
import static dev.sopkit.render.Site.text;
import static dev.sopkit.render.Site.texts;
import static dev.sopkit.render.Site.title;

import dev.sopkit.graph.HandoffGraph;
import dev.sopkit.graph.PromiseAnalysis;
import dev.sopkit.model.Durations;
import dev.sopkit.model.Sop;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** An SOP's page; its view is also what a department's print page shows for each SOP. */
final class SopPages {
  private final Site site;

  SopPages(Site site) {
    this.site = site;
  }

  Views.SopPage sopPage(Sop sop) {
    Views.Page page = site.page("../", sop.idText() + " " + title(sop), "sops", site.editUrl(sop));
    return new Views.SopPage(page, sopView(sop, "../"));
  }

  Views.SopView sopView(Sop sop, String root) {
    List<Views.PromiseView> promises = new ArrayList<>();
    Duration lead = site.graph.leadTime(sop);
    for (Sop.Promise p : sop.promises()) {
      Duration within = p.within() == null ? null : Durations.parse(p.within().value());
      String verdict = "unknown";
      Duration worst = null;
      String worstText = null;
      String worstStart = null;
      List<Views.Link> path = new ArrayList<>();
      if (p.until() == null) {
        worst = lead; // the clock stops when this SOP ends
      } else {
        PromiseAnalysis.Result r = site.promiseAnalysis.get().of(p);
        if (r != null && r.reachable()) {
          // the analysis's own figures: in business time for a business deadline, as
          // promise-at-risk and sop show give them, with the start that causes them
          worstText =
              r.deadline().business() || r.worstCase().getSeconds() == Long.MAX_VALUE
                  ? r.worstText()
                  : Durations.words(r.worstCase());
          worstStart = r.worstStartText();
          verdict = r.atRisk() ? "late" : "ok";
          r.path().forEach(x -> path.add(site.sopLink(x, root)));
        } else if (r != null) {
          verdict = "unreachable";
        }
      }
      if (worst != null && within != null) {
        verdict = worst.compareTo(within) <= 0 ? "ok" : "late";
        worstText = Durations.words(worst);
      }
      promises.add(
          new Views.PromiseView(
              text(p.id()),
              site.channelName(text(p.channel())),
              within == null ? text(p.within()) : Durations.words(within),
              text(p.until()),
              p.description(),
              worstText,
              verdict,
              path,
              worstStart));
    }
    List<Views.KpiView> kpis = new ArrayList<>();
    sop.kpis().forEach(k -> kpis.add(new Views.KpiView(k.id(), Durations.inWords(k.target()), k.description())));

    List<Views.InputView> inputs = new ArrayList<>();
    for (Sop.Input in : sop.inputs()) {
      String from = text(in.from());
      boolean external = from != null && site.ws.isExternal(from);
      List<Views.Link> producers = new ArrayList<>();
      site.graph.producers(sop, in).forEach(p -> producers.add(site.sopLink(p, root)));
      inputs.add(
          new Views.InputView(
              text(in.artifact()),
              site.deptLink(from, root),
              external,
              producers,
              !external && producers.isEmpty()));
    }
    List<Views.OutputView> outputs = new ArrayList<>();
    for (Sop.Output out : sop.outputs()) {
      List<Views.Receiver> receivers = new ArrayList<>();
      for (String to : distinct(out.to())) {
        boolean external = site.ws.isExternal(to);
        List<Views.Link> consumers = new ArrayList<>();
        if (HandoffGraph.active(sop)) {
          site.graph.consumers(sop, out, to).forEach(c -> consumers.add(site.sopLink(c, root)));
        }
        receivers.add(
            new Views.Receiver(site.deptLink(to, root), external, consumers, !external && consumers.isEmpty()));
      }
      outputs.add(new Views.OutputView(text(out.artifact()), receivers));
    }
    List<Views.StepView> steps = new ArrayList<>();
    int n = 1;
    for (Sop.Step step : sop.steps()) {
      steps.add(
          new Views.StepView(
              n++,
              text(step.id()),
              site.roleLink(text(step.role()), root),
              step.instruction(),
              step.when(),
              texts(step.systems()),
              duration(step.duration()),
              texts(step.produces()),
              site.linkSopIds(step.instruction(), sop, root)));
    }
    List<Views.Link> references = new ArrayList<>();
    for (Sop.Reference r : sop.references()) {
      references.add(new Views.Link(r.title(), safeUrl(r.url()), null));
    }
    Views.Review review = null;
    if (sop.review() != null) {
      LocalDate due = site.reviewDue(sop);
      review =
          new Views.Review(
              duration(sop.review().every()),
              text(sop.review().last()),
              due == null ? null : due.toString(),
              due != null && due.isBefore(site.opts.today()) && !sop.retired());
    }
    List<String> channels = new ArrayList<>();
    sop.channels().forEach(c -> channels.add(site.channelName(c.value())));
    return new Views.SopView(
        sop.idText(),
        site.sopSlugs.of(sop.idText()),
        title(sop),
        site.deptLink(sop.departmentText(), root),
        site.roleLink(text(sop.owner()), root),
        site.roleLink(text(sop.approver()), root),
        sop.status() == null ? null : sop.status().yaml(),
        sop.version(),
        text(sop.effective()),
        review,
        sop.purpose(),
        texts(sop.stages()),
        channels,
        promises,
        kpis,
        inputs,
        outputs,
        steps,
        references,
        Durations.words(lead) + (site.graph.hasUntimedSteps(sop) ? " or more (some steps have no duration)" : ""),
        site.sourcePath(sop),
        site.editUrl(sop),
        printMarks(sop));
  }

  /** The running header and footer of a printed SOP: which document, which revision, whose. */
  private Views.PrintMarks printMarks(Sop sop) {
    String head =
        sop.idText() + " · version " + (sop.version() == null ? "?" : sop.version())
            + " · effective " + (sop.effective() == null ? "?" : sop.effective().value());
    String owner = text(sop.owner()) == null ? "no owner" : "owner " + site.roleName(text(sop.owner()));
    String approver =
        text(sop.approver()) == null ? "" : " · approver " + site.roleName(text(sop.approver()));
    String status = sop.status() == null ? "" : " · " + sop.status().yaml();
    return new Views.PrintMarks(
        "sop-" + site.sopSlugs.of(sop.idText()),
        Site.cssString(head),
        Site.cssString(owner + approver + status),
        Site.cssString(site.uncontrolled("sops/" + site.sopSlugs.of(sop.idText()) + ".html")));
  }
}
