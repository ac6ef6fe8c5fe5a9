package dev.sopkit.render;

import static dev.sopkit.render.Site.addRef;

import dev.sopkit.graph.HandoffGraph;
import dev.sopkit.graph.PromiseAnalysis;
import dev.sopkit.model.Durations;
import dev.sopkit.model.Sop;
import dev.sopkit.time.Calendars;
import dev.sopkit.time.Timeline;
import dev.sopkit.time.WorkCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The customer journey as time: for the whole repository and for each journey stage, a swimlane
 * per department with its SOPs placed at their worst-case start and finish. An SOP starts, at
 * worst, when the last SOP that hands it an input has finished, as the promise analysis counts
 * it (lead times summed along handoffs); a promise's deadline is a line at its SOP's start plus
 * {@code within}. Where the promise analysis's worst path starts an SOP later (a pickup, hours a
 * business calendar is closed), the later time is used. Time is elapsed time; deadlines counted in
 * business days or hours are not drawn.
 */
final class JourneyPages {
  /** The most SOPs a timeline draws; a larger one is unreadable and the page lists them instead. */
  static final int MAX_BARS = 150;

  private static final int LANE_LABEL = 170;
  private static final int CHART = 880;
  private static final int ROW = 28;
  private static final int TOP = 64;
  private static final double CHAR = 6.6;
  private static final double T0 = 300; // seconds: below five minutes the axis is about linear
  private static final int LABEL_ROW = 12;
  private static final int MAX_LABEL_ROWS = 10;

  private final Site site;
  final List<String> stages = new ArrayList<>();
  final Slugs stageSlugs;

  JourneyPages(Site site) {
    this.site = site;
    site.ws.org().stages().forEach(s -> addRef(stages, s));
    this.stageSlugs = new Slugs(stages);
  }

  String href(String stage, String root) {
    return stage == null ? root + "journey.html" : root + "journey/" + stageSlugs.of(stage) + ".html";
  }

  Views.JourneyPage page(String stage) {
    String root = stage == null ? "" : "../";
    List<Sop> sops = new ArrayList<>();
    for (Sop s : site.sops) {
      if (HandoffGraph.active(s)
          && (stage == null || s.stages().stream().anyMatch(r -> stage.equals(r.value())))) {
        sops.add(s);
      }
    }
    List<Views.Link> nav = new ArrayList<>();
    nav.add(new Views.Link("Whole journey", stage == null ? null : href(null, root), null));
    for (String st : stages) {
      nav.add(new Views.Link(st, st.equals(stage) ? null : href(st, root), null));
    }
    String title = stage == null ? "Customer journey" : "Journey stage: " + stage;
    return new Views.JourneyPage(
        site.page(root, title, "journey", null), stage, nav, timeline(sops, root));
  }

  /** Worst-case start and finish of each SOP of the set, from the start of the journey. */
  private Views.Timeline timeline(List<Sop> sops, String root) {
    if (sops.isEmpty()) {
      return null;
    }
    if (sops.size() > MAX_BARS) {
      return new Views.Timeline(
          null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), sops.size(), List.of(), null);
    }
    Set<Sop> in = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    in.addAll(sops);
    Map<Sop, List<HandoffGraph.Handoff>> upstream = new IdentityHashMap<>();
    List<HandoffGraph.Handoff> handoffs = new ArrayList<>();
    for (HandoffGraph.Handoff h : site.graph.handoffs()) {
      if (h.from() != h.to() && in.contains(h.from()) && in.contains(h.to())) {
        upstream.computeIfAbsent(h.to(), k -> new ArrayList<>()).add(h);
        handoffs.add(h);
      }
    }
    // First the starts from lead times alone; then once more with the promise analysis's worst
    // paths, whose legs may start later (pickups, closed hours on a business calendar).
    Map<Sop, Long> start = new IdentityHashMap<>();
    Map<Sop, Long> finish = new IdentityHashMap<>();
    Map<Sop, long[]> atLeast = new IdentityHashMap<>();
    Set<Sop> onStack = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Sop s : sops) {
      start(s, upstream, start, finish, atLeast, onStack);
    }
    for (Sop s : sops) {
      for (Sop.Promise p : s.promises()) {
        PromiseAnalysis.Result r = p.until() == null ? null : site.promiseAnalysis.get().of(p);
        if (r == null || !r.reachable() || r.legs() == null) {
          continue;
        }
        for (PromiseAnalysis.Leg leg : r.legs()) {
          if (in.contains(leg.sop())) {
            long[] min = atLeast.computeIfAbsent(leg.sop(), k -> new long[2]);
            min[0] = Math.max(min[0], start.get(s) + leg.startOffset().getSeconds());
            min[1] = Math.max(min[1], start.get(s) + leg.finishOffset().getSeconds());
          }
        }
      }
    }
    if (!atLeast.isEmpty()) {
      start.clear();
      finish.clear();
      for (Sop s : sops) {
        start(s, upstream, start, finish, atLeast, onStack);
      }
    }
    List<Views.TimelineRow> rows = new ArrayList<>();
    for (Sop s : sops) {
      long from = start.get(s);
      rows.add(
          new Views.TimelineRow(
              site.sopLink(s, root),
              site.deptLink(s.departmentText(), root),
              Durations.words(Duration.ofSeconds(from)),
              Durations.words(Duration.ofSeconds(finish.get(s)))));
    }
    // Promises of the set's SOPs: a deadline line at the promising SOP's start plus within.
    List<long[]> lines = new ArrayList<>(); // at, late
    List<String> lineLabels = new ArrayList<>();
    List<String> lineDepts = new ArrayList<>();
    long end = 1;
    for (Sop s : sops) {
      end = Math.max(end, finish.get(s));
      for (Sop.Promise p : s.promises()) {
        Duration within = p.within() == null ? null : Durations.parse(p.within().value());
        if (within == null) {
          continue;
        }
        Duration worst = p.until() == null ? Duration.ofSeconds(lead(s)) : worst(p);
        boolean late = worst != null && worst.compareTo(within) > 0;
        lines.add(new long[] {start.get(s) + within.getSeconds(), late ? 1 : 0});
        lineLabels.add((p.id() == null ? "promise" : p.id().value()) + " ≤ " + Durations.words(within));
        lineDepts.add(String.valueOf(s.departmentText()));
        end = Math.max(end, start.get(s) + within.getSeconds());
      }
    }
    // Minutes matter as much as days: the axis grows with the logarithm of time (ticks say where).
    double logEnd = Math.log1p(end / T0);
    java.util.function.LongToDoubleFunction x = t -> LANE_LABEL + CHART * Math.log1p(t / T0) / logEnd;
    // Deadline labels at the top of their lane, each in the first row where it overlaps no other.
    int[] labelRow = new int[lines.size()];
    Map<String, List<double[]>> labelEnds = new HashMap<>(); // per lane: per row, the last label's end
    Integer[] order = new Integer[lines.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingLong(i -> lines.get(i)[0]));
    for (int i : order) {
      double lx = x.applyAsDouble(lines.get(i)[0]);
      double w = lineLabels.get(i).length() * CHAR;
      boolean right = lx > LANE_LABEL + CHART * 0.7;
      double from = right ? lx - 4 - w : lx + 4;
      List<double[]> ends = labelEnds.computeIfAbsent(lineDepts.get(i), k -> new ArrayList<>());
      int row = 0;
      while (row < ends.size() && ends.get(row)[0] > from - 6) {
        row++;
      }
      if (row == ends.size() && row == MAX_LABEL_ROWS) {
        row = i % MAX_LABEL_ROWS; // a crowded lane: this label may touch another
      } else if (row == ends.size()) {
        ends.add(new double[1]);
      }
      ends.get(row)[0] = Math.max(ends.get(row)[0], from + w);
      labelRow[i] = row;
    }
    Map<String, Integer> deadlinesIn = new HashMap<>();
    labelEnds.forEach((d, ends) -> deadlinesIn.put(d, ends.size()));
    Map<String, int[]> laneAt = new HashMap<>(); // y, height, label rows

    // Lanes in the org's order; in each, bars packed into rows so that no two overlap (with labels).
    Map<String, List<Sop>> byDept = new LinkedHashMap<>();
    for (String d : site.departments.keySet()) {
      for (Sop s : sops) {
        if (d.equals(s.departmentText())) {
          byDept.computeIfAbsent(d, k -> new ArrayList<>()).add(s);
        }
      }
    }
    for (Sop s : sops) {
      if (!site.departments.containsKey(s.departmentText())) {
        byDept.computeIfAbsent(String.valueOf(s.departmentText()), k -> new ArrayList<>()).add(s);
      }
    }
    List<Views.Lane> lanes = new ArrayList<>();
    List<Views.Bar> bars = new ArrayList<>();
    Map<Sop, double[]> at = new IdentityHashMap<>(); // x1, x2, y middle
    int y = TOP;
    for (Map.Entry<String, List<Sop>> lane : byDept.entrySet()) {
      int labelRows = deadlinesIn.getOrDefault(lane.getKey(), 0);
      int barsTop = y + 8 + labelRows * LABEL_ROW;
      List<Sop> own = new ArrayList<>(lane.getValue());
      own.sort(java.util.Comparator.comparingLong((Sop s) -> start.get(s)).thenComparing(Sop::idText));
      List<Double> rowEnds = new ArrayList<>();
      Map<Sop, Integer> rowOf = new HashMap<>();
      for (Sop s : own) {
        double x1 = x.applyAsDouble(start.get(s));
        double x2 = Math.max(x1 + 4, x.applyAsDouble(finish.get(s)));
        double taken = Math.max(x2, x1 + s.idText().length() * CHAR + 8);
        int row = 0;
        while (row < rowEnds.size() && rowEnds.get(row) > x1 - 4) {
          row++;
        }
        if (row == rowEnds.size()) {
          rowEnds.add(taken);
        } else {
          rowEnds.set(row, taken);
        }
        rowOf.put(s, row);
        at.put(s, new double[] {x1, x2, barsTop + row * ROW + 9});
      }
      int height = 16 + labelRows * LABEL_ROW + rowEnds.size() * ROW;
      laneAt.put(lane.getKey(), new int[] {y, height, labelRows});
      lanes.add(
          new Views.Lane(
              site.deptLink(lane.getKey(), root), num(y), num(height), num(y + height / 2.0 + 4)));
      for (Sop s : own) {
        double[] a = at.get(s);
        bars.add(
            new Views.Bar(
                site.sopLink(s, root),
                num(a[0]),
                num(a[2] - 9),
                num(a[1] - a[0]),
                num(a[0] + 3),
                num(a[2] + 4),
                s.idText() + " " + Site.title(s) + ": at worst from " + Durations.words(Duration.ofSeconds(start.get(s)))
                    + " to " + Durations.words(Duration.ofSeconds(finish.get(s)))));
      }
      y += height;
    }
    List<Views.Arrow> arrows = new ArrayList<>();
    Set<String> drawn = new HashSet<>();
    for (HandoffGraph.Handoff h : handoffs) {
      if (!drawn.add(h.from().idText() + "\u0000" + h.to().idText())) {
        continue; // one arrow per pair of SOPs, whatever the number of artifacts
      }
      double[] a = at.get(h.from());
      double[] b = at.get(h.to());
      double mid = (a[1] + b[0]) / 2;
      String d =
          "M" + num(a[1]) + " " + num(a[2]) + " C" + num(Math.max(mid, a[1] + 12)) + " " + num(a[2]) + " "
              + num(Math.min(mid, b[0] - 12)) + " " + num(b[2]) + " " + num(b[0] - 1) + " " + num(b[2]);
      arrows.add(new Views.Arrow(d, h.from().idText() + " → " + h.to().idText() + ": " + h.artifact()));
    }
    List<Views.Tick> ticks = new ArrayList<>();
    double last = -1e9;
    for (long t : TICKS) {
      if (t > end) {
        break;
      }
      double tx = x.applyAsDouble(t);
      if (tx - last >= 48) {
        ticks.add(new Views.Tick(num(tx), t == 0 ? "start" : Durations.words(Duration.ofSeconds(t))));
        last = tx;
      }
    }
    // Each deadline across its promising SOP's lane, labels stacked at the lane's top.
    List<Views.DeadlineLine> deadlines = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      int[] lane = laneAt.get(lineDepts.get(i));
      double lx = x.applyAsDouble(lines.get(i)[0]);
      boolean right = lx > LANE_LABEL + CHART * 0.7; // labels near the right edge end at their line
      deadlines.add(
          new Views.DeadlineLine(
              num(lx),
              lineLabels.get(i),
              lines.get(i)[1] == 1,
              num(lane[0] + 11 + LABEL_ROW * labelRow[i]),
              right ? "end" : "start",
              num(lane[0] + 2),
              num(lane[0] + lane[1] - 2)));
    }
    // Closed time, lane by lane, as for a journey that begins at the worst start of a promise.
    Origin origin = origin(sops, start);
    List<Views.Closed> closed = new ArrayList<>();
    if (origin != null) {
      for (Map.Entry<String, List<Sop>> lane : byDept.entrySet()) {
        int[] l = laneAt.get(lane.getKey());
        closed(lane.getKey(), origin.at(), end, x, l[0], l[1], closed);
      }
    }
    return new Views.Timeline(
        num(LANE_LABEL + CHART + 40), num(y + 8), lanes, bars, arrows, ticks, deadlines, rows, sops.size(),
        closed, closed.isEmpty() ? null : origin.text());
  }

  /** The instant the axis's start stands for (epoch seconds), and how the page names it. */
  private record Origin(long at, String text) {}

  /**
   * The worst start of a promise of these SOPs, moved back by its SOP's place on the axis: of the
   * SOPs whose promises have one (they depend on a calendar), the first to start. Null when no
   * figure depends on when the journey begins.
   */
  private Origin origin(List<Sop> sops, Map<Sop, Long> start) {
    Origin best = null;
    long bestStart = Long.MAX_VALUE;
    for (Sop s : sops) {
      for (Sop.Promise p : s.promises()) {
        PromiseAnalysis.Result r = p.until() == null ? null : site.promiseAnalysis.get().of(p);
        if (r == null || !r.reachable() || r.worstStart() == null || start.get(s) >= bestStart) {
          continue;
        }
        bestStart = start.get(s);
        best =
            new Origin(
                r.worstStart().toEpochSecond() - start.get(s),
                r.worstStartText() + ", the worst start of " + s.idText() + "'s promise '"
                    + p.id().value() + "'" + (start.get(s) == 0 ? "" : ", less the "
                    + Durations.words(Duration.ofSeconds(start.get(s))) + " before " + s.idText() + " starts"));
      }
    }
    return best;
  }

  /** The closed stretches of a department's calendar from {@code from} for {@code length} seconds. */
  private void closed(
      String department,
      long from,
      long length,
      java.util.function.LongToDoubleFunction x,
      int y,
      int h,
      List<Views.Closed> out) {
    WorkCalendar calendar = Calendars.of(site.ws.org()).ofDepartment(department);
    if (calendar.continuous()) {
      return;
    }
    ZoneId zone = calendar.zone();
    Timeline working = new Timeline(calendar, Instant.ofEpochSecond(from).atZone(zone).toLocalDate());
    long to = from + length;
    boolean open = working.between(from, from + 1) == 1;
    long closedSince = open ? -1 : from;
    for (long b : working.boundaries(from + 1, to)) {
      if (open) {
        closedSince = b;
      } else {
        draw(department, closedSince, b, from, x, y, h, zone, out);
      }
      open = !open;
    }
    if (!open) {
      draw(department, closedSince, to, from, x, y, h, zone, out);
    }
  }

  private void draw(
      String department,
      long a,
      long b,
      long from,
      java.util.function.LongToDoubleFunction x,
      int y,
      int h,
      ZoneId zone,
      List<Views.Closed> out) {
    double x1 = x.applyAsDouble(a - from);
    double x2 = x.applyAsDouble(b - from);
    if (x2 - x1 < 0.5) {
      return; // too short to see on this axis
    }
    java.time.format.DateTimeFormatter f =
        java.time.format.DateTimeFormatter.ofPattern("EEE uuuu-MM-dd HH:mm", Locale.ROOT);
    out.add(
        new Views.Closed(
            num(x1), num(y), num(x2 - x1), num(h),
            site.deptName(department) + " closed from " + f.format(Instant.ofEpochSecond(a).atZone(zone))
                + " to " + f.format(Instant.ofEpochSecond(b).atZone(zone)) + " " + zone.getId()));
  }

  private Duration worst(Sop.Promise p) {
    PromiseAnalysis.Result r = site.promiseAnalysis.get().of(p);
    return r != null && r.reachable() ? r.worstCase() : null;
  }

  private long lead(Sop s) {
    return site.graph.leadTime(s).getSeconds();
  }

  /**
   * When {@code s} starts at worst: when the last SOP handing to it has finished, and not before
   * what the promise analysis's legs say ({@code atLeast}: start, finish). A handoff back onto the
   * way there is skipped, as the analysis counts each SOP of a loop once.
   */
  private long start(
      Sop s,
      Map<Sop, List<HandoffGraph.Handoff>> upstream,
      Map<Sop, Long> start,
      Map<Sop, Long> finish,
      Map<Sop, long[]> atLeast,
      Set<Sop> onStack) {
    Long known = start.get(s);
    if (known != null) {
      return known;
    }
    onStack.add(s);
    long[] min = atLeast.getOrDefault(s, new long[2]);
    long latest = min[0];
    for (HandoffGraph.Handoff h : upstream.getOrDefault(s, List.of())) {
      if (!onStack.contains(h.from())) {
        start(h.from(), upstream, start, finish, atLeast, onStack);
        latest = Math.max(latest, finish.get(h.from()));
      }
    }
    onStack.remove(s);
    start.put(s, latest);
    finish.put(s, Math.max(latest + lead(s), min[1]));
    return latest;
  }

  /** Where the axis may have a tick, in seconds: the round figures people plan with. */
  private static final long[] TICKS = {
    0, 300, 900, 1800, 3600, 7200, 14400, 28800, 86400, 172800, 259200, 432000, 604800, 1209600,
    2592000, 7776000
  };

  private static String num(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
