package dev.sopkit.render.config;

import dev.sopkit.model.Durations;
import dev.sopkit.model.Org;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import dev.sopkit.render.config.ConfigModel.SlaPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Helpdesk SLA policies: one per promise without {@code until} (a reply or response the helpdesk
 * can time on the ticket) and per channel. A promise names its channel, or applies to every channel
 * of its SOP, or (when the SOP names none) to any channel. Promises with {@code until} run across
 * departments and become workflow timers instead.
 */
final class SlaPolicies {
  private SlaPolicies() {}

  static List<SlaPolicy> of(Workspace ws) {
    List<SlaPolicy> out = new ArrayList<>();
    for (Sop sop : InForce.sops(ws)) {
      Escalation escalation = Escalation.of(sop);
      for (Sop.Promise p : sop.promises()) {
        Duration within = p.within() == null ? null : Durations.parse(p.within().value());
        if (p.id() == null || within == null || p.until() != null) {
          continue;
        }
        List<String> channels =
            p.channel() != null ? List.of(p.channel().value()) : InForce.texts(sop.channels());
        if (channels.isEmpty()) {
          out.add(policy(ws, sop, p, null, within, escalation));
        }
        for (String channel : channels) {
          out.add(policy(ws, sop, p, channel, within, escalation));
        }
      }
    }
    out.sort(Comparator.comparing(SlaPolicy::id));
    return List.copyOf(out);
  }

  private static SlaPolicy policy(
      Workspace ws, Sop sop, Sop.Promise p, String channel, Duration within, Escalation esc) {
    String id = sop.idText() + "/" + p.id().value() + (channel == null ? "" : "/" + channel);
    return new SlaPolicy(
        id,
        sop.idText(),
        sop.title(),
        p.id().value(),
        p.description(),
        channel,
        within.getSeconds(),
        // Rounded down: the helpdesk must never allow more time than the SOP promises.
        within.toMinutes(),
        esc.role(),
        roleName(ws, esc.role()),
        esc.basis());
  }

  private static String roleName(Workspace ws, String role) {
    return ws.org().roles().stream()
        .filter(r -> r.id() != null && r.id().value().equals(role))
        .map(Org.Role::name)
        .findFirst()
        .orElse(null);
  }

  /**
   * Who a breached SLA escalates to: the role of the first step (in procedure order) whose id or
   * {@code when:} mentions escalation, because that is the step the SOP itself names for it; else
   * the SOP owner, who is accountable for the procedure.
   */
  record Escalation(String role, String basis) {
    static Escalation of(Sop sop) {
      for (Sop.Step step : sop.steps()) {
        if (step.role() != null && (mentions(InForce.text(step.id())) || mentions(step.when()))) {
          return new Escalation(step.role().value(), "step:" + InForce.text(step.id()));
        }
      }
      return new Escalation(InForce.text(sop.owner()), "owner");
    }

    private static boolean mentions(String text) {
      return text != null && text.toLowerCase(Locale.ROOT).contains("escalat");
    }
  }
}
