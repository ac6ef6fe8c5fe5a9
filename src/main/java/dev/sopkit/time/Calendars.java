package dev.sopkit.time;

import dev.sopkit.diag.Diagnostic;
import dev.sopkit.diag.DidYouMean;
import dev.sopkit.diag.Severity;
import dev.sopkit.model.Org;
import dev.sopkit.model.Ref;
import dev.sopkit.model.SourcePos;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calendars of an org.yaml, read from the model: which calendar each department works, and
 * the problems the schema cannot see (a time zone that does not exist, a range that ends before
 * it starts, ranges that overlap, a holiday such as 2026-02-30), reported with rule id {@code
 * schema} like other problems of a file's content. A calendar with a problem is left out, so
 * references to it fall back to the default (and unknown-reference does not echo the problem).
 */
public final class Calendars {
  private static final String SCHEMA = "schema";
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
  private static final Pattern RANGE = Pattern.compile("(\\d\\d):(\\d\\d)-(\\d\\d):(\\d\\d)");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Map<Org, Calendars> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Map<String, WorkCalendar> byId = new LinkedHashMap<>();
  private final Set<String> declared = new TreeSet<>();
  private final Map<String, WorkCalendar> byDepartment = new HashMap<>();
  private final WorkCalendar fallback;
  private final List<Diagnostic> problems = new ArrayList<>();

  private Calendars(Org org) {
    for (Org.Calendar c : org.calendars()) {
      declared.add(c.id().value());
      WorkCalendar parsed = parse(c);
      if (parsed != null) {
        byId.put(c.id().value(), parsed);
      }
    }
    WorkCalendar def = org.calendar() == null ? null : byId.get(org.calendar().value());
    this.fallback = def == null ? WorkCalendar.ALWAYS_UTC : def;
    for (Org.Department d : org.departments()) {
      if (d.id() != null) {
        WorkCalendar own = d.calendar() == null ? null : byId.get(d.calendar().value());
        byDepartment.putIfAbsent(d.id().value(), own == null ? fallback : own);
      }
    }
  }

  /** The calendars of {@code org}, read once and shared. */
  public static Calendars of(Org org) {
    return CACHE.computeIfAbsent(org, Calendars::new);
  }

  /** Whether org.yaml declares no calendar: every department works 24/7 in UTC, as before. */
  public boolean none() {
    return declared.isEmpty();
  }

  /**
   * Whether every department works round the clock without holidays: then time is elapsed time,
   * every start gives the same figure and the longest path by lead time is the worst.
   */
  public boolean continuous() {
    for (WorkCalendar c : byDepartment.values()) {
      if (!c.continuous()) {
        return false;
      }
    }
    return fallback.continuous() && byId.values().stream().allMatch(WorkCalendar::continuous);
  }

  /** Every declared calendar id, valid or not (for unknown-reference and its suggestions). */
  public Set<String> ids() {
    return Collections.unmodifiableSet(declared);
  }

  /** The calendar of a department (its own, else the default, else 24/7 UTC). */
  public WorkCalendar ofDepartment(String department) {
    WorkCalendar c = department == null ? null : byDepartment.get(department);
    return c == null ? fallback : c;
  }

  /** A calendar by id, or null when it is not declared or has problems. */
  public WorkCalendar byId(String id) {
    return byId.get(id);
  }

  /** What is wrong with the calendars beyond their shape, as schema findings of org.yaml. */
  public List<Diagnostic> problems() {
    return Collections.unmodifiableList(problems);
  }

  private WorkCalendar parse(Org.Calendar c) {
    String where = "calendars." + c.id().value();
    int before = problems.size();
    ZoneId zone = null;
    if (c.timezone() != null) {
      try {
        zone = ZoneId.of(c.timezone().value());
      } catch (DateTimeException e) {
        report(
            c.timezone().pos(),
            "%s.timezone: unknown time zone '%s'%s",
            where,
            c.timezone().value(),
            DidYouMean.hint(c.timezone().value(), ZoneId.getAvailableZoneIds()));
      }
    }
    SortedSet<LocalDate> holidays = new TreeSet<>();
    for (int i = 0; i < c.holidays().size(); i++) {
      Ref h = c.holidays().get(i);
      if (!DATE.matcher(h.value()).matches()) {
        continue; // the schema reports the shape
      }
      try {
        holidays.add(LocalDate.parse(h.value()));
      } catch (DateTimeException e) {
        report(h.pos(), "%s.holidays[%d]: '%s' is not a real date", where, i, h.value());
      }
    }
    if (c.allWeek() != null && !c.allWeek().value().equals("24/7")) {
      return null; // the schema reports the text
    }
    boolean allWeek = c.allWeek() != null;
    int[][] week = allWeek ? WorkCalendar.allWeekRanges() : week(c, where);
    if (zone == null || c.allWeek() == null && c.days().isEmpty() || problems.size() > before) {
      return null;
    }
    return new WorkCalendar(c.id().value(), zone, week, holidays, allWeek);
  }

  /** The ranges of each day of the week, checking order and overlaps across keys. */
  private int[][] week(Org.Calendar c, String where) {
    List<List<int[]>> days = new ArrayList<>();
    List<List<Ref>> sources = new ArrayList<>();
    for (int d = 0; d < 7; d++) {
      days.add(new ArrayList<>());
      sources.add(new ArrayList<>());
    }
    for (Org.DayHours dh : c.days()) {
      String key = dh.days().value();
      String[] parts = key.split("-", -1);
      int from = DAYS.indexOf(parts[0]);
      int to = parts.length == 2 ? DAYS.indexOf(parts[1]) : from;
      if (from < 0 || to < 0 || parts.length > 2) {
        continue; // the schema reports the shape
      }
      if (to < from) {
        report(
            dh.days().pos(),
            "%s.hours: day range '%s' runs backwards (write %s-sun and %s)",
            where,
            key,
            parts[0],
            to == 0 ? "mon" : "mon-" + parts[1]);
        continue;
      }
      for (Ref r : dh.ranges()) {
        Matcher m = RANGE.matcher(r.value());
        if (!m.matches()) {
          continue;
        }
        int start = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        int end = Integer.parseInt(m.group(3)) * 60 + Integer.parseInt(m.group(4));
        if (start > 1440 || end > 1440) {
          continue;
        }
        if (end <= start) {
          report(
              r.pos(),
              "%s.hours.%s: range '%s' ends before it starts (to work past midnight, end at"
                  + " 24:00 and go on from 00:00 the next day)",
              where,
              key,
              r.value());
          continue;
        }
        for (int d = from; d <= to; d++) {
          List<int[]> ranges = days.get(d);
          for (int i = 0; i < ranges.size(); i++) {
            int[] o = ranges.get(i);
            if (start < o[1] && o[0] < end) {
              Ref other = sources.get(d).get(i);
              report(
                  r.pos(),
                  "%s.hours.%s: range '%s' overlaps '%s' on %s (at %s)",
                  where,
                  key,
                  r.value(),
                  other.value(),
                  DAYS.get(d),
                  other.pos().file() + ":" + other.pos().line() + ":" + other.pos().column());
              start = -1;
              break;
            }
          }
          if (start < 0) {
            break;
          }
          ranges.add(new int[] {start, end});
          sources.get(d).add(r);
        }
      }
    }
    if (c.hoursMap() && c.days().isEmpty()) {
      report(c.id().pos(), "%s.hours: the calendar has no working hours", where);
    }
    int[][] week = new int[7][];
    for (int d = 0; d < 7; d++) {
      List<int[]> ranges = days.get(d);
      ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
      week[d] = new int[ranges.size() * 2];
      for (int i = 0; i < ranges.size(); i++) {
        week[d][2 * i] = ranges.get(i)[0];
        week[d][2 * i + 1] = ranges.get(i)[1];
      }
    }
    return week;
  }

  private void report(SourcePos pos, String format, Object... args) {
    problems.add(Diagnostic.at(pos, SCHEMA, Severity.ERROR, null, String.format(format, args)));
  }
}
