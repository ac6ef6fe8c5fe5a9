package dev.sopkit.scaffold;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import dev.sopkit.diag.DidYouMean;
import dev.sopkit.diag.Text;
import dev.sopkit.model.Org;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A new SOP from a template kind, with the next free id of its department: what {@code sop new}
 * writes, decided from the repository alone (where the file goes is the command's business). The
 * YAML is written through Jackson's generator, so any title comes out as valid, quoted YAML.
 */
public final class NewSop {
  private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z-]+)}}");
  private static final int MAX_TITLE = 200;
  private static final int MAX_SLUG = 60;

  private NewSop() {}

  /** What the user asked for; {@code owner} and {@code to} may be null. */
  public record Request(String department, String title, Kind kind, String owner, String to) {}

  /**
   * The SOP to write.
   *
   * @param fileBase the file name without {@code .yaml}, from the title
   * @param handover for a handoff to an internal department, the artifact its SOP must take as an
   *     input; null otherwise (an external receiver, such as the customer, has no SOP to change)
   */
  public record Draft(String id, String fileBase, String yaml, String handover) {}

  /** An SOP of the department with the same title, or null: writing a second is rarely meant. */
  public static Sop sameTitle(Workspace ws, Request r) {
    String title = r.title().strip();
    for (Sop s : ws.sops()) {
      if (r.department().equals(s.departmentText())
          && s.title() != null
          && s.title().strip().equalsIgnoreCase(title)) {
        return s;
      }
    }
    return null;
  }

  public static Draft draft(Workspace ws, Request r) {
    String title = checkTitle(r.title());
    Org.Department dept = internalDepartment(ws, r.department());
    String owner = r.owner() != null ? checkOwner(ws, r.owner()) : firstRole(ws, r.department());
    String id = nextId(ws, dept);
    String slug = slug(title);

    Map<String, String> values = new HashMap<>();
    values.put("id", id);
    values.put("title", title);
    values.put("department", r.department());
    values.put("owner", owner);
    String handover = null;
    switch (r.kind()) {
      case customer_request -> {
        values.put("customer", customer(ws));
        values.put("request", artifact(slug, "request"));
        values.put("reply", artifact(slug, "reply"));
      }
      case handoff -> {
        if (r.to() == null) {
          throw new ScaffoldException(
              "--template handoff needs --to DEPT, the department that receives the handover");
        }
        Org.Department receiver = department(ws, r.to(), "--to", ws.departmentIds());
        if (receiver.id().value().equals(r.department())) {
          throw new ScaffoldException("--to names the SOP's own department; hand over to another one");
        }
        values.put("to", r.to());
        values.put("to-name", receiver.name() == null ? r.to() : receiver.name());
        values.put("handover", artifact(slug, "handover"));
        handover = receiver.external() ? null : values.get("handover");
      }
      case basic -> {}
    }
    if (r.kind() != Kind.handoff && r.to() != null) {
      throw new ScaffoldException("--to is only for --template handoff");
    }
    String base = slug.isEmpty() ? id.toLowerCase(Locale.ROOT) : slug;
    return new Draft(id, base, render(r.kind(), values), handover);
  }

  private static String checkTitle(String raw) {
    String t = raw.strip();
    if (t.isEmpty()) {
      throw new ScaffoldException(
          "--title is empty; say what the procedure does, for example \"Handle a refund\"");
    }
    if (t.codePoints().anyMatch(Character::isISOControl)) {
      throw new ScaffoldException(
          "--title contains a line break or another control character; keep it on one line");
    }
    if (t.codePointCount(0, t.length()) > MAX_TITLE) {
      throw new ScaffoldException("--title is longer than " + MAX_TITLE + " characters; shorten it");
    }
    return t;
  }

  private static Org.Department department(
      Workspace ws, String id, String option, Set<String> offered) {
    Org.Department d = ws.department(id);
    if (d == null) {
      throw new ScaffoldException(
          option
              + " "
              + Text.quote(Text.printable(id))
              + " is not a department in org.yaml"
              + DidYouMean.hint(id, offered)
              + "; the departments are: "
              + String.join(", ", offered));
    }
    return d;
  }

  /** SOPs belong to the company's own departments: only those are offered. */
  private static Org.Department internalDepartment(Workspace ws, String id) {
    Set<String> internal = new TreeSet<>();
    for (String d : ws.departmentIds()) {
      if (!ws.isExternal(d)) {
        internal.add(d);
      }
    }
    Org.Department d = department(ws, id, "--department", internal);
    if (d.external()) {
      throw new ScaffoldException(
          "department '"
              + id
              + "' is external; SOPs belong to the company's own departments: "
              + String.join(", ", internal));
    }
    return d;
  }

  private static String checkOwner(Workspace ws, String role) {
    if (!ws.roleIds().contains(role)) {
      throw new ScaffoldException(
          "--owner "
              + Text.quote(Text.printable(role))
              + " is not a role in org.yaml"
              + DidYouMean.hint(role, ws.roleIds()));
    }
    return role;
  }

  private static String firstRole(Workspace ws, String department) {
    for (Org.Role r : ws.org().roles()) {
      if (r.id() != null && r.department() != null && department.equals(r.department().value())) {
        return r.id().value();
      }
    }
    throw new ScaffoldException(
        "department '"
            + department
            + "' has no roles in org.yaml; add one there or give --owner ROLE");
  }

  private static String customer(Workspace ws) {
    for (Org.Department d : ws.org().departments()) {
      if (d.external() && d.id() != null) {
        return d.id().value();
      }
    }
    throw new ScaffoldException(
        "--template customer-request needs an external department in org.yaml for the customer,"
            + " for example '- {id: customer, name: Customer, external: true}'");
  }

  /** PREFIX-NNN, one above the highest number any SOP id with this prefix ends in. */
  static String nextId(Workspace ws, Org.Department dept) {
    String prefix = prefix(ws, dept);
    Pattern numbered = Pattern.compile(Pattern.quote(prefix) + "-(?:.*-)?([0-9]{1,9})");
    Set<String> taken = new HashSet<>();
    int max = 0;
    for (Sop s : ws.sops()) {
      String id = s.idText();
      if (id == null) {
        continue;
      }
      taken.add(id);
      Matcher m = numbered.matcher(id);
      if (m.matches()) {
        max = Math.max(max, Integer.parseInt(m.group(1)));
      }
    }
    int n = max + 1;
    while (taken.contains(String.format(Locale.ROOT, "%s-%03d", prefix, n))) {
      n++;
    }
    return String.format(Locale.ROOT, "%s-%03d", prefix, n);
  }

  /** The declared prefix, else the one the department's SOPs all share, else one from its id. */
  static String prefix(Workspace ws, Org.Department dept) {
    if (dept.prefix() != null && dept.prefix().matches("[A-Z][A-Z0-9]*")) {
      return dept.prefix();
    }
    String deptId = dept.id().value();
    TreeSet<String> used = new TreeSet<>();
    for (Sop s : ws.sops()) {
      if (deptId.equals(s.departmentText()) && s.idText() != null && s.idText().contains("-")) {
        used.add(s.idText().substring(0, s.idText().indexOf('-')));
      }
    }
    if (used.size() == 1 && used.first().matches("[A-Z][A-Z0-9]*")) {
      return used.first();
    }
    String[] words = deptId.split("-");
    if (words.length == 1) {
      String w = words[0].toUpperCase(Locale.ROOT);
      return w.length() <= 3 ? w : w.substring(0, 3);
    }
    StringBuilder initials = new StringBuilder();
    for (String w : words) {
      initials.append(Character.toUpperCase(w.charAt(0)));
    }
    return initials.toString();
  }

  /** A file-name-safe form of the title: ASCII letters and digits joined by single dashes. */
  static String slug(String title) {
    String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    String s =
        ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > MAX_SLUG) {
      s = s.substring(0, MAX_SLUG).replaceAll("-+$", "");
    }
    return s;
  }

  /**
   * The artifact {@code <slug>-<kind>}, kebab-case and starting with a letter; a title that already
   * ends in the kind ("Handle a refund request") does not get it twice.
   */
  static String artifact(String slug, String kind) {
    String s = slug.isEmpty() || !Character.isLetter(slug.charAt(0)) ? "item-" + slug : slug;
    s = s.replaceAll("-+$", "");
    if (!KEBAB.matcher(s).matches()) {
      s = "item";
    }
    return s.equals(kind) || s.endsWith("-" + kind) ? s : s + "-" + kind;
  }

  private static String render(Kind kind, Map<String, String> values) {
    YAMLMapper mapper =
        YAMLMapper.builder(
                YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .stringQuotingChecker(new PlainOnlyWhenSafe())
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .build())
            .build();
    try {
      JsonNode tree = mapper.readTree(template(kind));
      return mapper.writeValueAsString(fill(tree, values));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("template " + kind.id() + " is not valid YAML", e);
    }
  }

  static String template(Kind kind) {
    String name = "/dev/sopkit/new/" + kind.id() + ".yaml";
    try (InputStream in = NewSop.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Leaves a value unquoted only when it is plainly text: it starts with a letter, holds only
   * letters, digits, spaces and ordinary punctuation, and is no YAML 1.1 boolean or null word.
   * Jackson's own check misses numbers such as 0x1F, 1e3 and .inf, which would become numbers.
   */
  static final class PlainOnlyWhenSafe extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;
    private static final Pattern PLAIN = Pattern.compile("\\p{L}[\\p{L}\\p{N} ,.'()/-]*");
    private static final Set<String> WORDS =
        Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");

    @Override
    public boolean needToQuoteValue(String value) {
      return !PLAIN.matcher(value).matches()
          || value.endsWith(" ")
          || WORDS.contains(value.toLowerCase(Locale.ROOT))
          || super.needToQuoteValue(value);
    }
  }

  /** Replaces {{name}} in every string value of the template. */
  private static JsonNode fill(JsonNode node, Map<String, String> values) {
    if (node instanceof ObjectNode obj) {
      List<String> names = new ArrayList<>();
      obj.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        obj.set(name, fill(obj.get(name), values));
      }
      return obj;
    }
    if (node instanceof ArrayNode arr) {
      for (int i = 0; i < arr.size(); i++) {
        arr.set(i, fill(arr.get(i), values));
      }
      return arr;
    }
    if (node.isTextual()) {
      Matcher m = PLACEHOLDER.matcher(node.textValue());
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String v = values.get(m.group(1));
        if (v == null) {
          throw new IllegalStateException("template placeholder {{" + m.group(1) + "}} has no value");
        }
        m.appendReplacement(out, Matcher.quoteReplacement(v));
      }
      m.appendTail(out);
      return TextNode.valueOf(out.toString());
    }
    return node;
  }
}
