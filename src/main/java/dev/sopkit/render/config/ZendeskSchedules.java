package dev.sopkit.render.config;

import dev.sopkit.model.Org;
import dev.sopkit.model.Workspace;
import dev.sopkit.render.config.ConfigModel.ZendeskHoliday;
import dev.sopkit.render.config.ConfigModel.ZendeskInterval;
import dev.sopkit.render.config.ConfigModel.ZendeskSchedule;
import dev.sopkit.time.Calendars;
import dev.sopkit.time.WorkCalendar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Zendesk business-hours schedules (its Schedules API): one per org.yaml calendar that is not
 * round the clock, with its weekly hours and holidays, so business-hours SLA targets count the
 * same hours the SOPs do.
 */
final class ZendeskSchedules {
  /** IANA zone to the name Zendesk uses (Rails' names); the last name of a zone wins. */
  private static final Map<String, String> ZONES = zones();

  private ZendeskSchedules() {}

  static List<ZendeskSchedule> of(Workspace ws) {
    Calendars calendars = Calendars.of(ws.org());
    List<ZendeskSchedule> out = new ArrayList<>();
    for (Org.Calendar c : ws.org().calendars()) {
      WorkCalendar w = c.id() == null ? null : calendars.byId(c.id().value());
      if (w == null || w.continuous()) {
        continue; // broken (validate reports it), or 24/7: Zendesk's calendar hours already are
      }
      String iana = w.zone().getId();
      String zone = ZONES.get(iana);
      out.add(new ZendeskSchedule(
          w.id(), w.id(), zone != null ? zone : iana, zone != null, intervals(w), holidays(w)));
    }
    out.sort(Comparator.comparing(ZendeskSchedule::id));
    return List.copyOf(out);
  }

  /** Zendesk counts a week in minutes from Sunday 00:00: Monday 09:00-17:00 is 1980-2460. */
  static List<ZendeskInterval> intervals(WorkCalendar w) {
    List<ZendeskInterval> out = new ArrayList<>();
    for (DayOfWeek day : List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
        DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)) {
      long offset = (day.getValue() % 7) * 1440L;
      int[] r = w.dayRanges(day);
      for (int i = 0; i + 1 < r.length; i += 2) {
        out.add(new ZendeskInterval(offset + r[i], offset + r[i + 1]));
      }
    }
    return List.copyOf(out);
  }

  /** Holidays as Zendesk holds them: a run of consecutive dates is one holiday. */
  static List<ZendeskHoliday> holidays(WorkCalendar w) {
    List<ZendeskHoliday> out = new ArrayList<>();
    LocalDate start = null;
    LocalDate end = null;
    for (LocalDate d : w.holidays()) {
      if (end != null && d.equals(end.plusDays(1))) {
        end = d;
        continue;
      }
      if (start != null) {
        out.add(holiday(w, start, end));
      }
      start = d;
      end = d;
    }
    if (start != null) {
      out.add(holiday(w, start, end));
    }
    return List.copyOf(out);
  }

  private static ZendeskHoliday holiday(WorkCalendar w, LocalDate start, LocalDate end) {
    return new ZendeskHoliday(w.id() + " holiday", start.toString(), end.toString());
  }

  private static Map<String, String> zones() {
    Map<String, String> out = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        ZendeskSchedules.class.getResourceAsStream("zendesk-time-zones.tsv"), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.startsWith("#") && line.contains("\t")) {
          String[] f = line.split("\t");
          out.put(f[1], f[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a resource of the jar itself
    }
    // Rails names UTC after Etc/UTC; a calendar says UTC or Z.
    out.putIfAbsent("UTC", "UTC");
    out.putIfAbsent("Z", "UTC");
    return Map.copyOf(out);
  }
}
