package dev.sopkit.render;

import dev.sopkit.graph.HandoffGraph;
import dev.sopkit.graph.PromiseAnalysis;
import dev.sopkit.model.Durations;
import dev.sopkit.model.Org;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The repository as the handbook's pages see it: what every page kind looks up (SOPs by id, by
 * department, by owner; slugs; names) and how it links to other pages. Indexed once in the
 * constructor and read-only afterwards, so pages can be made on several threads at once.
 */
final class Site {
  final Workspace ws;
  final HandoffGraph graph;
  final Handbook.Options opts;
  final List<Sop> sops; // one per id (the first, as validate reports the others), by id
  private final Map<String, Sop> byId;
  final Map<String, Org.Department> departments = new LinkedHashMap<>();
  final Map<String, Org.Role> roles = new LinkedHashMap<>();
  final Slugs sopSlugs;
  final Slugs deptSlugs;
  final Slugs roleSlugs;
  final Slugs artifactSlugs;
  // Indexes built once: pages look things up here instead of scanning every SOP.
  private final Map<String, List<Sop>> sopsByDept = new HashMap<>();
  final Map<String, List<Sop>> sopsByOwner = new HashMap<>();
  final Map<String, List<StepAt>> stepsByRole = new HashMap<>();
  private final Map<String, Integer> deptOrder = new HashMap<>();
  // Built once, for the pages that share it; only promises with `until` need the analysis.
  final Once<PromiseAnalysis> promiseAnalysis;

  /** Step {@code n} (from 1) of an SOP. */
  record StepAt(Sop sop, int n, Sop.Step step) {}

  Site(Workspace ws, Handbook.Options opts) {
    this.ws = ws;
    this.promiseAnalysis = new Once<>(() -> PromiseAnalysis.of(ws));
    this.graph = HandoffGraph.of(ws);
    this.opts = opts;
    Map<String, Sop> byId = new TreeMap<>();
    for (Sop sop : ws.sops()) {
      if (sop.idText() != null) {
        byId.putIfAbsent(sop.idText(), sop);
      }
    }
    this.sops = List.copyOf(byId.values());
    this.byId = byId;
    for (Org.Department d : ws.org().departments()) {
      if (d.id() != null) {
        departments.putIfAbsent(d.id().value(), d);
      }
    }
    for (Org.Role r : ws.org().roles()) {
      if (r.id() != null) {
        roles.putIfAbsent(r.id().value(), r);
      }
    }
    this.sopSlugs = new Slugs(byId.keySet());
    this.deptSlugs = new Slugs(departments.keySet());
    this.roleSlugs = new Slugs(roles.keySet());
    Set<String> artifacts = new TreeSet<>();
    for (Sop sop : sops) {
      sop.inputs().forEach(in -> addRef(artifacts, in.artifact()));
      sop.outputs().forEach(out -> addRef(artifacts, out.artifact()));
    }
    this.artifactSlugs = new Slugs(artifacts);
    for (Sop sop : sops) {
      if (sop.departmentText() != null) {
        sopsByDept.computeIfAbsent(sop.departmentText(), k -> new ArrayList<>()).add(sop);
      }
      if (text(sop.owner()) != null) {
        sopsByOwner.computeIfAbsent(text(sop.owner()), k -> new ArrayList<>()).add(sop);
      }
      int n = 1;
      for (Sop.Step step : sop.steps()) {
        if (text(step.role()) != null) {
          stepsByRole.computeIfAbsent(text(step.role()), k -> new ArrayList<>()).add(new StepAt(sop, n, step));
        }
        n++;
      }
    }
    for (String id : departments.keySet()) {
      deptOrder.put(id, deptOrder.size());
    }
  }

  private static final java.util.regex.Pattern ID_LIKE =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*[A-Za-z0-9]");

  /**
   * Text as parts, each naming another SOP by its id ({@code follow CS-PAY-001}) a link to that
   * SOP's page; the rest plain (href null). Null text gives no parts.
   */
  List<Views.Link> linkSopIds(String text, Sop self, String root) {
    List<Views.Link> parts = new ArrayList<>();
    if (text == null) {
      return parts;
    }
    java.util.regex.Matcher m = ID_LIKE.matcher(text);
    int at = 0;
    while (m.find()) {
      Sop other = byId.get(m.group());
      if (other == null || other == self) {
        continue;
      }
      if (m.start() > at) {
        parts.add(new Views.Link(text.substring(at, m.start()), null, null));
      }
      parts.add(new Views.Link(m.group(), sopHref(other, root), title(other)));
      at = m.end();
    }
    if (at < text.length()) {
      parts.add(new Views.Link(text.substring(at), null, null));
    }
    return parts;
  }

  Views.Page page(String root, String title, String section, String editUrl) {
    return new Views.Page(root, title, section, orgName(), editUrl);
  }

  String orgName() {
    return ws.org().name() == null ? "SOP handbook" : ws.org().name();
  }

  // ---------------------------------------------------------------- links and names

  List<Sop> sopsOf(String dept) {
    return sopsByDept.getOrDefault(dept, List.of());
  }

  int deptOrder(String id) {
    return deptOrder.getOrDefault(id, Integer.MAX_VALUE);
  }

  Views.Link sopLink(Sop s, String root) {
    return new Views.Link(title(s), sopHref(s, root), s.idText());
  }

  String sopHref(Sop s, String root) {
    return root + "sops/" + sopSlugs.of(s.idText()) + ".html";
  }

  Views.Link deptLink(String id, String root) {
    if (id == null) {
      return null;
    }
    return new Views.Link(deptName(id), deptHref(id, root), null);
  }

  String deptHref(String id, String root) {
    return deptSlugs.has(id) ? root + "departments/" + deptSlugs.of(id) + ".html" : null;
  }

  Views.Link roleLink(String id, String root) {
    if (id == null) {
      return null;
    }
    return new Views.Link(roleName(id), roleHref(id, root), null);
  }

  String roleHref(String id, String root) {
    return roleSlugs.has(id) ? root + "roles/" + roleSlugs.of(id) + ".html" : null;
  }

  String deptName(String id) {
    Org.Department d = id == null ? null : departments.get(id);
    return d == null || d.name() == null ? String.valueOf(id) : d.name();
  }

  String roleName(String id) {
    Org.Role r = id == null ? null : roles.get(id);
    return r == null || r.name() == null ? String.valueOf(id) : r.name();
  }

  String channelName(String id) {
    if (id == null) {
      return null;
    }
    for (Org.Channel c : ws.org().channels()) {
      if (c.id() != null && id.equals(c.id().value()) && c.name() != null) {
        return c.name();
      }
    }
    return id;
  }

  static String title(Sop s) {
    return s.title() == null ? s.idText() : s.title();
  }

  String sourcePath(Sop s) {
    Path file = opts.workDir().resolve(s.file()).normalize();
    Path root = opts.root().normalize();
    Path rel = file.startsWith(root) ? root.relativize(file) : Path.of(s.file());
    return rel.toString().replace('\\', '/');
  }

  String editUrl(Sop s) {
    if (opts.repoUrl() == null) {
      return null;
    }
    String base = opts.repoUrl().replaceAll("/+$", "");
    return base + "/" + sourcePath(s);
  }

  /**
   * The line a printed page carries: a printout is a copy that goes out of date, so it says so and,
   * when the handbook knows where it is published ({@code --base-url}), where the current one is.
   */
  String uncontrolled(String path) {
    if (opts.baseUrl() == null) {
      return "Uncontrolled when printed";
    }
    return "Uncontrolled when printed; current version at " + opts.baseUrl().replaceAll("/+$", "") + "/" + path;
  }

  /**
   * A CSS string literal of any text: quoted, with every character that could end the string, the
   * rule or the style element ({@code "}, {@code \}, {@code <}, line breaks) as a CSS escape.
   */
  static String cssString(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints()
        .forEach(
            c -> {
              if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&') {
                out.appendCodePoint(c);
              } else {
                out.append('\\').append(Integer.toHexString(c)).append(' ');
              }
            });
    return out.append('"').toString();
  }

  /** Only web and mail links: a {@code javascript:} URL in an SOP must not become a live link. */
  static String safeUrl(String url) {
    if (url == null) {
      return null;
    }
    String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:")
        ? url.strip()
        : null;
  }

  /** A duration field in words ({@link Durations#inWords}); text that is no duration as written. */
  static String duration(Ref ref) {
    return ref == null ? null : Durations.inWords(ref.value());
  }

  LocalDate reviewDue(Sop s) {
    if (s.review() == null) {
      return null;
    }
    LocalDate last = date(s.review().last());
    if (last == null || s.review().every() == null) {
      return null;
    }
    try {
      return last.plus(Period.parse(s.review().every().value()));
    } catch (DateTimeException | ArithmeticException e) {
      return null; // not a period; the schema check has reported it
    }
  }

  static LocalDate date(Ref ref) {
    if (ref == null) {
      return null;
    }
    try {
      return LocalDate.parse(ref.value());
    } catch (DateTimeException e) {
      return null;
    }
  }

  static String text(Ref ref) {
    return ref == null ? null : ref.value();
  }

  static List<String> texts(List<Ref> refs) {
    List<String> out = new ArrayList<>();
    refs.forEach(r -> addRef(out, r));
    return out;
  }

  static List<String> distinct(List<Ref> refs) {
    return new ArrayList<>(new LinkedHashSet<>(texts(refs)));
  }

  static void addRef(java.util.Collection<String> into, Ref ref) {
    if (ref != null && ref.value() != null) {
      into.add(ref.value());
    }
  }
}
