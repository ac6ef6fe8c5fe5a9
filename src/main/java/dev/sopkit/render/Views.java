package dev.sopkit.render;

import java.util.List;

/**
 * What the handbook templates see. Every {@code href} is relative to the page it appears on, so the
 * site works from the file system and from any web server path. {@link ViewModel} turns these into
 * maps before a template runs.
 */
final class Views {
  private Views() {}

  /** A link; {@code href} is null when there is nothing to link to (shown as plain text), {@code note} is
   * a short qualifier such as an SOP id. */
  record Link(String text, String href, String note) {}

  /** What every page shares: the way back to the root, its title, the nav entry to highlight. */
  record Page(String root, String title, String section, String orgName, String editUrl) {}

  /** key: what each edge of a department map carries, both ways, listed beside the map. */
  record MapView(String width, String height, List<MapNode> nodes, List<MapEdge> edges, List<MapKey> key) {
    MapView withKey(List<MapKey> k) {
      return new MapView(width, height, nodes, edges, k);
    }
  }

  /** The artifacts between departments a and b: {@code ab} from a to b, {@code ba} from b to a. */
  record MapKey(Link a, Link b, List<String> ab, List<String> ba) {}

  /** A box: position, size, and the text anchors (tx, ty label; sy second line). */
  record MapNode(
      String label,
      String sub,
      String href,
      String kind,
      String x,
      String y,
      String w,
      String h,
      String tx,
      String ty,
      String sy) {}

  /**
   * An arrow: its path, its label's text anchor (lx, ly) and box ("x y width height"); both:
   * artifacts go both ways (an arrowhead at each end).
   */
  record MapEdge(String d, String label, String title, String lx, String ly, String box, boolean both) {}

  record Home(
      Page page,
      Counts counts,
      List<DeptCard> departments,
      Journey journey,
      List<Recent> recent,
      List<Overdue> overdue,
      List<Finding> findings,
      String findingSummary,
      MapView map) {}

  /** departments: the organisation's own; externals: customers, carriers and other outside parties. */
  record Counts(int departments, int externals, int sops, int roles, int steps, int handoffs) {}

  record DeptCard(Link link, String description, int sops, int roles, boolean external) {}

  /** links: each stage's journey page, in the order of stages. */
  record Journey(List<String> stages, List<JourneyRow> rows, List<String> links) {}

  record JourneyRow(Link department, List<List<Link>> cells) {}

  record Recent(Link sop, Link department, String effective, String version, String status) {}

  record Overdue(Link sop, Link owner, String last, String every, String due, long days) {}

  record Finding(String location, String severity, String rule, String message) {}

  record SopPage(Page page, SopView sop) {}

  record SopView(
      String id,
      String anchor,
      String title,
      Link department,
      Link owner,
      Link approver,
      String status,
      String version,
      String effective,
      Review review,
      String purpose,
      List<String> stages,
      List<String> channels,
      List<PromiseView> promises,
      List<KpiView> kpis,
      List<InputView> inputs,
      List<OutputView> outputs,
      List<StepView> steps,
      List<Link> references,
      String leadTime,
      String file,
      String editUrl,
      PrintMarks print) {}

  /**
   * What a printed SOP carries on every page, in the page's margins: {@code page} names its CSS
   * page; head, side and foot are CSS string literals (quoted and escaped) for the margin boxes.
   */
  record PrintMarks(String page, String head, String side, String foot) {}

  record Review(String every, String last, String due, boolean overdue) {}

  /**
   * verdict: {@code ok}, {@code late}, {@code unreachable} (no SOP along the handoffs produces the
   * {@code until} artifact) or {@code unknown} (no valid deadline); path: the SOPs of the worst case.
   */
  record PromiseView(
      String id,
      String channel,
      String within,
      String until,
      String description,
      String worstCase,
      String verdict,
      List<Link> path,
      String worstStart) {}

  record KpiView(String id, String target, String description) {}

  record InputView(
      String artifact, Link from, boolean external, List<Link> producers, boolean broken) {}

  record OutputView(String artifact, List<Receiver> to) {}

  record Receiver(Link department, boolean external, List<Link> consumers, boolean broken) {}

  record StepView(
      int n,
      String id,
      Link role,
      String instruction,
      String when,
      List<String> systems,
      String duration,
      List<String> produces,
      List<Link> parts) {}

  /**
   * mapByDepartment: the neighbourhood was too large to draw SOP by SOP ({@link
   * MapPages#MAX_SOP_BOXES}), so the map shows the departments this one exchanges artifacts with.
   */
  record DeptPage(Page page, DeptView dept, MapView map, boolean mapByDepartment) {}

  record DeptView(
      String id,
      String name,
      Link self,
      String description,
      boolean external,
      List<SopRow> sops,
      List<Link> roles,
      List<Exchange> exchanges,
      Link print) {}

  record SopRow(Link sop, String status, String version, Link owner, List<String> stages) {}

  /** What a department receives from, and hands to, one other department. */
  record Exchange(Link department, boolean external, List<Flow> receives, List<Flow> hands) {}

  /** One artifact crossing the border: our SOP on this side, theirs on the other. */
  record Flow(String artifact, Link ours, List<Link> theirs) {}

  /** foot: the CSS string for the cover's footer ("uncontrolled when printed ..."). */
  record PrintPage(Page page, DeptView dept, List<SopView> sops, String foot) {}

  /** Every department's SOPs in one document, for {@code --pdf}. */
  record PrintAll(Page page, List<PrintPage> departments, String foot) {}

  record RolePage(Page page, RoleView role) {}

  record RoleView(
      String id,
      String name,
      Link department,
      String description,
      List<Link> owns,
      List<RoleStep> steps) {}

  record RoleStep(
      Link sop, int n, String id, String instruction, String when, List<String> systems, String duration) {}

  record MapPage(Page page, MapView map, List<Handoff> handoffs) {}

  record Handoff(Link fromDepartment, Link fromSop, String artifact, Link toDepartment, Link toSop) {}

  record SearchPage(
      Page page, List<Link> sops, List<Link> roles, List<Link> departments, List<ArtifactView> artifacts) {}

  record ArtifactView(String id, String anchor, List<Link> producers, List<Link> consumers) {}

  /** A journey page: the whole repository's ({@code stage} null) or one stage's. */
  record JourneyPage(Page page, String stage, List<Link> stages, Timeline timeline) {}

  /**
   * SOPs on a time axis, a lane per department. width is null when there are more SOPs ({@code
   * sops}) than {@link JourneyPages#MAX_BARS}: then nothing is drawn.
   */
  record Timeline(
      String width,
      String height,
      List<Lane> lanes,
      List<Bar> bars,
      List<Arrow> arrows,
      List<Tick> ticks,
      List<DeadlineLine> deadlines,
      List<TimelineRow> rows,
      int sops,
      List<Closed> closed,
      String closedFrom) {}

  record Lane(Link department, String y, String h, String ty) {}

  /**
   * Time a lane's department does not work, on its calendar (x to x + w, y to y + h); closedFrom
   * on the timeline says which instant the axis's start stands for.
   */
  record Closed(String x, String y, String w, String h, String title) {}

  /** An SOP from its worst-case start (x) to its worst-case finish (x + w). */
  record Bar(Link sop, String x, String y, String w, String tx, String ty, String title) {}

  record Arrow(String d, String title) {}

  record Tick(String x, String label) {}

  /** A promise's deadline across its SOP's lane (y1 to y2); anchor: the label's SVG text-anchor. */
  record DeadlineLine(String x, String label, boolean late, String ly, String anchor, String y1, String y2) {}

  record TimelineRow(Link sop, Link department, String start, String finish) {}
}
