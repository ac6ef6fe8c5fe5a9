package dev.sopkit.render.config;

import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import dev.sopkit.render.config.ConfigModel.ZendeskSlaPolicy;
import dev.sopkit.render.config.ConfigModel.ZendeskUncovered;
import dev.sopkit.time.Calendars;
import dev.sopkit.time.Deadline;
import dev.sopkit.time.WorkCalendar;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zendesk Support SLA policies (the {@code sla_policy} objects of its SLA Policies API), one per
 * promise without {@code until} and channel, as {@code helpdesk-sla} has them, and also for
 * promises in business days or hours, which Zendesk counts on a schedule (zendesk-schedules).
 * docs/configs.md says how the metric is chosen and how tickets are matched.
 */
final class ZendeskPolicies {
  private static final Pattern NEXT = Pattern.compile("\\b(next|update[sd]?)\\b");
  private static final Pattern FIRST =
      Pattern.compile("\\b(first|acknowledge[sd]?|answer(s|ed)?|repl(y|ies|ied)|respon(d|ds|se|ded))\\b");

  private ZendeskPolicies() {}

  /**
   * A promise the helpdesk times, per channel: the {@code helpdesk-sla} policies, and also those
   * whose {@code within} counts business days or hours (then {@code schedule} is the calendar's id
   * and {@code seconds} the working time).
   */
  private record Candidate(
      String id, String sop, String promise, String description, String channel, long seconds,
      String schedule) {}

  private static List<Candidate> candidates(Workspace ws) {
    Calendars calendars = Calendars.of(ws.org());
    List<Candidate> out = new ArrayList<>();
    for (Sop sop : InForce.sops(ws)) {
      for (Sop.Promise p : sop.promises()) {
        Deadline d = p.within() == null ? null : Deadline.parse(p.within().value());
        if (p.id() == null || d == null || p.until() != null) {
          continue; // no valid deadline, or across departments (a workflow timer)
        }
        WorkCalendar cal = null;
        if (d.business()) {
          cal = p.calendar() != null ? calendars.byId(p.calendar().value())
              : calendars.ofDepartment(sop.departmentText());
          if (cal == null) {
            continue; // an unknown calendar: validate reports it
          }
        }
        long seconds = d.seconds(cal == null ? 0 : cal.dayLength());
        String schedule = cal == null || cal.continuous() ? null : cal.id();
        List<String> channels =
            p.channel() != null ? List.of(p.channel().value()) : InForce.texts(sop.channels());
        String base = sop.idText() + "/" + p.id().value();
        if (channels.isEmpty()) {
          out.add(new Candidate(base, sop.idText(), p.id().value(), p.description(), null, seconds, schedule));
        }
        for (String c : channels) {
          out.add(new Candidate(base + "/" + c, sop.idText(), p.id().value(), p.description(), c, seconds,
              schedule));
        }
      }
    }
    out.sort(Comparator.comparing(Candidate::id));
    return out;
  }

  /** The policies, sorted by id, positions from 1. */
  static List<ZendeskSlaPolicy> of(Workspace ws) {
    List<ZendeskSlaPolicy> out = new ArrayList<>();
    for (Candidate p : candidates(ws)) {
      if (p.seconds() < 60) {
        continue; // see uncovered()
      }
      Metric m = metric(p.promise(), p.description());
      List<String> tags = new ArrayList<>(List.of(tag("sop", p.sop())));
      if (p.channel() != null) {
        tags.add(tag("channel", p.channel()));
      }
      out.add(new ZendeskSlaPolicy(
          p.id(),
          p.sop() + " " + p.promise() + (p.channel() == null ? "" : " (" + p.channel() + ")"),
          description(p),
          out.size() + 1,
          List.copyOf(tags),
          m.name(),
          m.basis(),
          // Rounded down: the helpdesk must never allow more time than the SOP promises.
          p.seconds() / 60,
          // Business hours when the promise counts working time on a calendar that is not 24/7.
          p.schedule() != null,
          p.schedule()));
    }
    return List.copyOf(out);
  }

  /** Policies Zendesk cannot hold: its targets are whole minutes, so under a minute is lost. */
  static List<ZendeskUncovered> uncovered(Workspace ws) {
    List<ZendeskUncovered> out = new ArrayList<>();
    for (Candidate p : candidates(ws)) {
      if (p.seconds() < 60) {
        out.add(new ZendeskUncovered(p.id(), "the target is " + p.seconds()
            + " seconds, and Zendesk SLA targets are whole minutes"));
      }
    }
    return List.copyOf(out);
  }

  record Metric(String name, String basis) {}

  /**
   * The Zendesk metric a promise times. Its id decides first, then its description: words of a
   * follow-up ("next", "update") mean {@code next_reply_time}; words of a first answer ("first",
   * "reply", "answer", "respond", "acknowledge") mean {@code first_reply_time}; anything else (a
   * refund paid, a claim decided) is how long the customer waits, {@code requester_wait_time}.
   */
  static Metric metric(String promise, String description) {
    String id = words(promise);
    Metric m = match(id, "id");
    if (m == null && description != null) {
      m = match(words(description), "description");
    }
    return m != null ? m : new Metric("requester_wait_time", "default");
  }

  private static Metric match(String text, String where) {
    Matcher next = NEXT.matcher(text);
    if (next.find()) {
      return new Metric("next_reply_time", where + ":" + next.group(1));
    }
    Matcher first = FIRST.matcher(text);
    if (first.find()) {
      return new Metric("first_reply_time", where + ":" + first.group(1));
    }
    return null;
  }

  private static String words(String s) {
    return s.toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ');
  }

  /** A Zendesk tag: lowercase, and only letters, digits, '-' and '_' (tags cannot hold spaces). */
  static String tag(String kind, String id) {
    StringBuilder b = new StringBuilder(kind).append('-');
    for (char c : id.toLowerCase(Locale.ROOT).toCharArray()) {
      b.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' ? c : '_');
    }
    return b.toString();
  }

  private static String description(Candidate p) {
    String from = "From SOP " + p.sop() + ", promise " + p.promise()
        + ". Generated by sop: change the SOP, not this policy.";
    return p.description() == null ? from : p.description() + " " + from;
  }
}
