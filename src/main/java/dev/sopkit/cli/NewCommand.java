package dev.sopkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import dev.sopkit.check.RepoCheck;
import dev.sopkit.diag.DidYouMean;
import dev.sopkit.diag.Text;
import dev.sopkit.load.RepoScanner;
import dev.sopkit.model.Org;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sop new}: a new SOP from a template kind, with the next free id of its department. The
 * templates are resources under {@code dev/sopkit/new/}; the file is written through Jackson's
 * YAML generator, so any title comes out as valid, correctly quoted YAML.
 */
@Command(
    name = "new",
    header = "Write a new SOP from a template.",
    description = {
      "Write a new SOP with the next free id of its department, its owner and steps prefilled from"
          + " a template kind, valid at once. Prints the new file's path.",
      "Kinds: basic (steps within one department), customer-request (a customer asks, the"
          + " department answers within a promised time), handoff (work that ends by handing"
          + " something to another department; give it with --to)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sop new --department customer-service --title \"Handle a refund request\"",
      "  sop new --department customer-service --title \"Answer a chat\" \\",
      "      --template customer-request",
      "  sop new --department warehouse --title \"Ship a parcel\" --template handoff \\",
      "      --to logistics",
      "",
      "The id prefix is the department's 'prefix' in org.yaml, else the one its SOPs already use,"
          + " else made from the department id (customer-service -> CS)."
    })
final class NewCommand implements Callable<Integer> {
  private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z-]+)}}");
  private static final int MAX_TITLE = 200;
  private static final int MAX_SLUG = 60;

  @Spec CommandSpec spec;
  @Mixin HelpOption help;
  @ParentCommand SopkitCommand parent;

  /** The template kinds: each is a resource dev/sopkit/new/KIND.yaml. */
  enum Kind {
    basic,
    customer_request,
    handoff;

    String id() {
      return name().replace('_', '-');
    }

    static Kind parse(String text) {
      for (Kind k : values()) {
        if (k.id().equals(text)) {
          return k;
        }
      }
      List<String> ids = kindIds();
      throw new UserException(
          "unknown template "
              + Text.quote(Text.printable(text))
              + DidYouMean.hint(text, ids)
              + "; the kinds are: "
              + String.join(", ", ids));
    }

    static List<String> kindIds() {
      return java.util.Arrays.stream(values()).map(Kind::id).toList();
    }
  }

  /** Template kinds for shell completion. */
  static final class KindIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Kind.kindIds().iterator();
    }
  }

  @Option(
      names = "--root",
      paramLabel = "ROOT",
      description = "The SOP repository folder, holding org.yaml (default: ${DEFAULT-VALUE}).",
      defaultValue = "sops")
  String root;

  @Option(
      names = "--department",
      required = true,
      paramLabel = "DEPT",
      description = "The department (an id from org.yaml) that runs the new SOP.")
  String department;

  @Option(
      names = "--title",
      required = true,
      paramLabel = "TITLE",
      description = "What the procedure does, as a short imperative sentence.")
  String title;

  @Option(
      names = "--template",
      paramLabel = "KIND",
      description = "The template kind: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      completionCandidates = KindIds.class,
      defaultValue = "basic")
  String template;

  @Option(
      names = "--owner",
      paramLabel = "ROLE",
      description = "The owning role (default: the department's first role in org.yaml).")
  String owner;

  @Option(
      names = "--to",
      paramLabel = "DEPT",
      description = "For --template handoff: the department that receives the handover.")
  String to;

  @Override
  public Integer call() throws IOException {
    Kind kind = Kind.parse(template);
    String cleanTitle = checkTitle(title);
    RepoCheck.Result repo = Repos.load(parent.workDir(), root, java.time.LocalDate.now());
    Workspace ws = repo.workspace();
    String orgFile = RepoScanner.display(Repos.root(parent.workDir(), root).resolve("org.yaml"), parent.workDir());
    repo.findings().stream()
        .filter(d -> d.file().equals(orgFile) && d.rule().equals("yaml"))
        .findFirst()
        .ifPresent(
            d -> {
              throw new UserException(
                  "org.yaml cannot be read (" + d.toText() + "); fix it first");
            });

    Org.Department dept = internalDepartment(ws, department, "--department");
    String ownerRole = owner != null ? checkOwner(ws, owner) : firstRole(ws, department);
    String id = nextId(ws, dept);
    String slug = slug(cleanTitle);

    Map<String, String> values = new java.util.HashMap<>();
    values.put("id", id);
    values.put("title", cleanTitle);
    values.put("department", department);
    values.put("owner", ownerRole);
    values.put("slug", artifactName(slug));
    if (kind == Kind.customer_request) {
      values.put("customer", customer(ws));
    }
    if (kind == Kind.handoff) {
      if (to == null) {
        throw new UserException(
            "--template handoff needs --to DEPT, the department that receives the handover");
      }
      Org.Department receiver = department(ws, to, "--to");
      if (receiver.id().value().equals(department)) {
        throw new UserException("--to names the SOP's own department; hand over to another one");
      }
      values.put("to", to);
      values.put("to-name", receiver.name() == null ? to : receiver.name());
    } else if (to != null) {
      throw new UserException("--to is only for --template handoff");
    }

    Path rootDir = Repos.root(parent.workDir(), root);
    Path file = freeFile(rootDir.resolve(department), slug.isEmpty() ? id.toLowerCase(Locale.ROOT) : slug);
    String yaml = schemaLine(rootDir, file) + render(kind, values);
    Files2.write(file, yaml);
    PrintWriter out = spec.commandLine().getOut();
    out.println(RepoScanner.display(file, parent.workDir()));
    if (kind == Kind.handoff) {
      spec.commandLine()
          .getErr()
          .println(
              "sop: next, add '"
                  + values.get("slug")
                  + "-handover' (from: "
                  + department
                  + ") to the inputs of the "
                  + to
                  + " SOP that picks it up");
    }
    return ExitCodes.CLEAN;
  }

  private static String checkTitle(String raw) {
    String t = raw.strip();
    if (t.isEmpty()) {
      throw new UserException("--title is empty; say what the procedure does, for example \"Handle a refund\"");
    }
    if (t.codePoints().anyMatch(Character::isISOControl)) {
      throw new UserException("--title contains a line break or another control character; keep it on one line");
    }
    if (t.codePointCount(0, t.length()) > MAX_TITLE) {
      throw new UserException("--title is longer than " + MAX_TITLE + " characters; shorten it");
    }
    return t;
  }

  private static Org.Department department(Workspace ws, String id, String option) {
    Org.Department d = ws.department(id);
    if (d == null) {
      throw new UserException(
          option
              + " "
              + Text.quote(Text.printable(id))
              + " is not a department in org.yaml"
              + DidYouMean.hint(id, ws.departmentIds())
              + "; the departments are: "
              + String.join(", ", ws.departmentIds()));
    }
    return d;
  }

  private static Org.Department internalDepartment(Workspace ws, String id, String option) {
    Org.Department d = department(ws, id, option);
    if (d.external()) {
      throw new UserException(
          "department '" + id + "' is external; SOPs belong to the company's own departments");
    }
    return d;
  }

  private static String checkOwner(Workspace ws, String role) {
    if (!ws.roleIds().contains(role)) {
      throw new UserException(
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
    throw new UserException(
        "department '" + department + "' has no roles in org.yaml; add one there or give --owner ROLE");
  }

  private static String customer(Workspace ws) {
    for (Org.Department d : ws.org().departments()) {
      if (d.external() && d.id() != null) {
        return d.id().value();
      }
    }
    throw new UserException(
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

  /** Artifact names are kebab-case and start with a letter. */
  private static String artifactName(String slug) {
    String s = slug.isEmpty() || !Character.isLetter(slug.charAt(0)) ? "item-" + slug : slug;
    s = s.replaceAll("-+$", "");
    return KEBAB.matcher(s).matches() ? s : "item";
  }

  private static Path freeFile(Path dir, String base) {
    Path file = dir.resolve(base + ".yaml");
    for (int n = 2; Files.exists(file); n++) {
      file = dir.resolve(base + "-" + n + ".yaml");
    }
    return file;
  }

  /**
   * The editor line: the schema as {@code sop init} and {@code sop schema} place it, beside the SOP
   * root, so VS Code and other YAML language servers complete fields at once.
   */
  private String schemaLine(Path rootDir, Path file) {
    Path base = parent.config() != null ? parent.config().dir() : rootDir.getParent();
    Path schema = (base == null ? rootDir : base).resolve("schema").resolve("sop.schema.json");
    if (!Files.exists(schema)) {
      spec.commandLine()
          .getErr()
          .println(
              "sop: note: "
                  + RepoScanner.display(schema, parent.workDir())
                  + " does not exist; run 'sop schema --out "
                  + RepoScanner.display(schema.getParent(), parent.workDir())
                  + "' so editors can check the new file");
    }
    String rel = file.getParent().relativize(schema).toString().replace('\\', '/');
    return "# yaml-language-server: $schema=" + rel + "\n";
  }

  private static String render(Kind kind, Map<String, String> values) throws JsonProcessingException {
    YAMLMapper mapper =
        YAMLMapper.builder(
                YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .stringQuotingChecker(new PlainOnlyWhenSafe())
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .build())
            .build();
    JsonNode tree = mapper.readTree(Files2.resource("/dev/sopkit/new/" + kind.id() + ".yaml"));
    return mapper.writeValueAsString(fill(tree, values));
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
