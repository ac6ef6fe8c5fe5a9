package dev.sopkit.lint.rules;

import dev.sopkit.diag.DidYouMean;
import dev.sopkit.diag.Severity;
import dev.sopkit.lint.PerSop;
import dev.sopkit.lint.Reporter;
import dev.sopkit.lint.Rule;
import dev.sopkit.lint.RuleMeta;
import dev.sopkit.model.Org;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import dev.sopkit.time.Calendars;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every name an SOP uses (department, role, channel, stage, system, pinned SOP id, calendar), and
 * every department head and reviewers key in org.yaml, must be declared, so that a typo cannot quietly create a department nobody belongs to. Reports at the
 * referencing site, with the closest declared name as a suggestion.
 */
public final class UnknownReference implements Rule {
  static final RuleMeta META =
      new RuleMeta(
          "unknown-reference",
          Severity.ERROR,
          "referenced departments, roles, channels, stages, systems and SOPs must be declared",
          "0.1.0");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(Workspace ws, Reporter out) {
    Set<String> departments = ws.departmentIds();
    for (Org.Role role : ws.org().roles()) {
      known("department", role.department(), departments, out);
    }
    Set<String> calendars = Calendars.of(ws.org()).ids();
    known("calendar", ws.org().calendar(), calendars, out);
    for (Org.Department d : ws.org().departments()) {
      known("calendar", d.calendar(), calendars, out);
      known("role", d.head(), ws.roleIds(), out);
    }
    Set<String> reviewed = new HashSet<>(departments);
    reviewed.addAll(ws.roleIds());
    for (Org.Reviewers r : ws.org().reviewers()) {
      known("department or role", r.of(), reviewed, out);
    }
    Set<String> sopIds = new HashSet<>();
    ws.sops().forEach(s -> sopIds.add(s.idText()));
    for (Sop sop : ws.sops()) {
      for (Sop.Input in : sop.inputs()) {
        known("SOP", in.sop(), sopIds, out);
      }
    }
    // The rest reads one SOP and org.yaml: remembered for an unchanged SOP while org.yaml is too.
    names.check(ws.sops(), ws.org(), (sop, r) -> names(ws, departments, calendars, sop, r), out);
  }

  private final PerSop names = new PerSop();

  /** The names one SOP uses, against those org.yaml declares. */
  private static void names(
      Workspace ws, Set<String> departments, Set<String> calendars, Sop sop, Reporter out) {
    if (known("department", sop.department(), departments, out)
        && ws.isExternal(sop.departmentText())) {
      out.report(
          sop.department().pos(),
          "department '%s' is external; an SOP must belong to an internal department",
          sop.departmentText());
    }
    known("role", sop.owner(), ws.roleIds(), out);
    known("role", sop.approver(), ws.roleIds(), out);
    all("stage", sop.stages(), ws.stageIds(), out);
    all("channel", sop.channels(), ws.channelIds(), out);
    for (Sop.Input in : sop.inputs()) {
      known("department", in.from(), departments, out);
    }
    for (Sop.Output output : sop.outputs()) {
      all("department", output.to(), departments, out);
    }
    for (Sop.Promise p : sop.promises()) {
      known("channel", p.channel(), ws.channelIds(), out);
      known("calendar", p.calendar(), calendars, out);
    }
    Set<String> outputs = new HashSet<>();
    sop.outputs().forEach(o -> outputs.add(o.artifact() == null ? null : o.artifact().value()));
    for (Sop.Step step : sop.steps()) {
      known("role", step.role(), ws.roleIds(), out);
      all("system", step.systems(), ws.systemIds(), out);
      for (Ref produced : step.produces()) {
        if (!outputs.contains(produced.value())) {
          out.reportArtifact(
              produced.pos(),
              produced.value(),
              "step produces '%s', which is not among this SOP's outputs%s",
              produced.value(),
              DidYouMean.hint(produced.value(), outputs.stream().filter(o -> o != null).toList()));
        }
      }
    }
  }

  private static void all(String kind, List<Ref> refs, Collection<String> declared, Reporter out) {
    for (Ref r : refs) {
      known(kind, r, declared, out);
    }
  }

  /** Reports an undeclared name; true when the name is declared. */
  private static boolean known(String kind, Ref ref, Collection<String> declared, Reporter out) {
    if (ref == null) {
      return false;
    }
    if (declared.contains(ref.value())) {
      return true;
    }
    out.report(
        ref.pos(), "unknown %s '%s'%s", kind, ref.value(), DidYouMean.hint(ref.value(), declared));
    return false;
  }
}
