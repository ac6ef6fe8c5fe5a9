package dev.sopkit.bench;

import dev.sopkit.bench.YamlStyle.Field;
import dev.sopkit.bench.YamlStyle.Fields;
import dev.sopkit.bench.YamlStyle.Items;
import dev.sopkit.bench.YamlStyle.Kind;
import dev.sopkit.bench.YamlStyle.Node;
import dev.sopkit.bench.YamlStyle.Problem;
import dev.sopkit.bench.YamlStyle.Scalar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a synthetic SOP repository in format v1 for the benchmark ({@code make bench}): an org.yaml
 * with 12 to 20 departments, and N SOP files of 2 to 5 KB with varied text whose handoffs are
 * consistent (SOPs form chains that start and end with the customer; every input names the
 * department and SOP that hands it over, and every output is picked up by the next SOP).
 *
 * <p>A configurable share of files gets one broken link (an undeclared role, system or channel) and
 * another share one schema error (a number where text is expected, a malformed duration, an
 * unknown field). Each injected problem is also written to {@code expected.txt} as the exact line
 * {@code sop validate --quiet} prints for it, so the benchmark checks correctness at scale too.
 *
 * <p>The output depends only on the arguments: the same seed gives the same bytes. Dates are quoted
 * so YAML 1.1 readers (ajv-cli's js-yaml) see text, as {@code sop} does.
 *
 * <p>{@code --style mixed} writes the same SOPs in the mixed ordinary styles of {@link YamlStyle}
 * (flow mappings, block scalars, comments, unquoted dates, CRLF and more, chosen per file), so the
 * benchmark shows whether speed depends on how files are written.
 *
 * <p>{@code --timing deadlines} adds what the worst case over start instants (issue 10) works on:
 * the first SOP of each chain also promises the chain's result ({@code until}), and handoffs
 * carry {@code pickup} times; every department still works 24/7. {@code --timing calendars} writes
 * the same SOP files and an org.yaml whose departments work on calendars (time zones, office
 * hours, shifts, holidays), so the two corpora time what calendars cost and nothing else. The
 * deadlines are generous enough that no promise is at risk in either.
 *
 * <p>Usage: {@code CorpusGenerator OUT N [--seed S] [--broken-links PCT] [--schema-errors PCT]
 * [--style plain|mixed] [--timing plain|deadlines|calendars]}
 */
public final class CorpusGenerator {
  /** How the SOP files are written: the house style, or ordinary styles mixed per file. */
  public enum Style {
    PLAIN,
    MIXED
  }

  /** What the promises wait for and which hours the departments work (see the class comment). */
  public enum Timing {
    PLAIN,
    DEADLINES,
    CALENDARS
  }

  /**
   * The calendars of {@link Timing#CALENDARS}, as org.yaml lines under {@code calendars:}: one
   * round the clock, the others with working hours and holidays in the year from {@link #TODAY}.
   */
  private static final String[][] CALENDARS = {
    {"support", "UTC", "24/7", ""},
    {"office", "Europe/Berlin", "{ mon-fri: \"09:00-17:00\" }",
        "[2026-12-24, 2026-12-25, 2026-12-26, 2027-01-01, 2027-03-26, 2027-03-29, 2027-05-01]"},
    {"finance", "Europe/London", "{ mon-fri: \"09:00-17:30\" }",
        "[2026-12-25, 2026-12-28, 2027-01-01, 2027-03-26, 2027-03-29, 2027-05-03, 2027-08-30]"},
    {"warehouse", "Europe/London", "{ mon-sat: [\"06:00-14:00\", \"14:00-22:00\"] }",
        "[2026-12-25, 2027-01-01]"},
    {"americas", "America/New_York", "{ mon-thu: \"08:00-18:00\", fri: \"08:00-14:00\" }",
        "[2026-11-26, 2026-12-25, 2027-01-01, 2027-05-31, 2027-07-05, 2027-09-06]"},
    {"night-desk", "Asia/Tokyo", "{ mon-fri: [\"00:00-06:00\", \"22:00-24:00\"], sat: \"00:00-06:00\" }",
        "[2027-01-01, 2027-01-02, 2027-01-03]"},
  };

  /** The date the benchmark passes as {@code --today}; review dates are chosen relative to it. */
  public static final String TODAY = "2026-11-22";

  private static final String[] DEPARTMENT_WORDS = {
    "customer-service", "order-management", "warehouse", "logistics", "finance", "aftersales",
    "marketing", "product", "it", "quality", "procurement", "legal", "human-resources", "facilities",
    "sales", "partner-management", "data-office", "security", "treasury", "compliance"
  };
  private static final String[] ROLE_WORDS = {
    "agent", "team-lead", "specialist", "analyst", "clerk", "manager", "coordinator", "engineer",
    "supervisor", "officer", "planner", "controller"
  };
  private static final String[] SYSTEMS = {
    "crm", "erp", "wms", "tms", "payment-gateway", "ticketing", "web-shop", "data-warehouse",
    "document-store", "email-gateway", "telephony", "pim", "hr-portal", "identity-provider",
    "bi-dashboard", "chat-platform"
  };
  private static final String[] CHANNELS = {"email", "chat", "phone", "web-form", "social-media"};
  private static final String[] STAGES = {
    "discover", "purchase", "payment", "fulfilment", "delivery", "support", "return", "refund",
    "loyalty"
  };
  private static final String[] VERBS = {
    "check", "record", "confirm", "review", "update", "escalate", "approve", "prepare", "send",
    "verify", "compare", "archive", "reconcile", "assign", "close", "schedule", "notify", "export"
  };
  private static final String[] OBJECTS = {
    "the request", "the order record", "the customer account", "the shipment", "the invoice",
    "the return label", "the stock level", "the payment status", "the ticket", "the batch",
    "the exception list", "the approval note", "the delivery address", "the product data",
    "the contract", "the incident report", "the daily summary", "the quality sample"
  };
  private static final String[] CLAUSES = {
    "before the end of the shift", "within the agreed time", "using the standard template",
    "and note the result in the ticket", "against the latest price list",
    "with a second person when the amount is over 500 EUR", "so that the next team can start",
    "and tell the customer what happens next", "as described in the handbook",
    "unless the customer asked for a call back", "and attach the evidence",
    "following the four-eyes principle", "at the latest by 16:00", "for every open case",
    "and flag anything unusual to the team lead", "in the order the cases arrived"
  };
  private static final String[] CONDITIONS = {
    "The customer is a business customer.", "The amount is over 500 EUR.",
    "The item is marked as fragile.", "The order was paid cash on delivery.",
    "The request arrived after 16:00.", "The customer has asked twice already.",
    "The courier reported a problem.", "The check in the previous step failed."
  };
  private static final String[] NOUNS = {
    "request", "confirmation", "report", "notice", "instruction", "record", "plan", "summary",
    "approval", "label", "claim", "schedule"
  };
  private static final String[] TOPICS = {
    "returns", "refunds", "orders", "deliveries", "complaints", "invoices", "stock", "campaigns",
    "contracts", "incidents", "payments", "claims", "suppliers", "vouchers", "surveys"
  };

  private final SplittableRandom random;
  private final int brokenLinkPct;
  private final int schemaErrorPct;
  private final List<String> expected = new ArrayList<>();
  private final List<Department> departments = new ArrayList<>();

  private record Department(String id, String prefix, List<String> roles) {}

  /** One SOP before it is written: where it sits in its chain, and what it takes and hands over. */
  private record Plan(
      int index,
      Department dept,
      String id,
      String path,
      String topic,
      String inputArtifact,
      Plan previous,
      String outputArtifact,
      Department next) {}

  private final Timing timing;
  // Draws of their own, so that every timing writes the same SOPs otherwise.
  private final SplittableRandom timingRandom;
  // What the first SOP of each chain promises to hand back in the end (index -> artifact).
  private final Map<Integer, String> chainResults = new HashMap<>();

  private CorpusGenerator(long seed, int brokenLinkPct, int schemaErrorPct, Timing timing) {
    this.random = new SplittableRandom(seed);
    this.brokenLinkPct = brokenLinkPct;
    this.schemaErrorPct = schemaErrorPct;
    this.timing = timing;
    this.timingRandom = new SplittableRandom(seed ^ 0x7135CA1EL);
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println(
          "usage: CorpusGenerator OUT N [--seed S] [--broken-links PCT] [--schema-errors PCT]"
              + " [--style plain|mixed] [--timing plain|deadlines|calendars]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    long seed = 1;
    int links = 2;
    int schema = 2;
    Style style = Style.PLAIN;
    Timing timing = Timing.PLAIN;
    for (int i = 2; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--broken-links" -> links = Integer.parseInt(args[i + 1]);
        case "--schema-errors" -> schema = Integer.parseInt(args[i + 1]);
        case "--style" -> style = Style.valueOf(args[i + 1].toUpperCase(Locale.ROOT));
        case "--timing" -> timing = Timing.valueOf(args[i + 1].toUpperCase(Locale.ROOT));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    int problems = generate(out, n, seed, links, schema, style, timing);
    System.err.printf(Locale.ROOT, "%s: %d SOPs, %d expected findings%n", out, n, problems);
  }

  /**
   * Writes {@code out/org.yaml}, {@code out/<department>/*.yaml} and {@code out/expected.txt} (which
   * is not YAML, so {@code sop} does not read it). Returns the number of expected findings.
   */
  public static int generate(Path out, int n, long seed, int brokenLinkPct, int schemaErrorPct)
      throws IOException {
    return generate(out, n, seed, brokenLinkPct, schemaErrorPct, Style.PLAIN);
  }

  /**
   * As above, with the SOP files written in {@code style}; the same seed gives the same SOPs (ids,
   * handoffs, texts, injected problems) in either style.
   */
  public static int generate(
      Path out, int n, long seed, int brokenLinkPct, int schemaErrorPct, Style style)
      throws IOException {
    return generate(out, n, seed, brokenLinkPct, schemaErrorPct, style, Timing.PLAIN);
  }

  /**
   * As above, with {@code timing}: {@link Timing#DEADLINES} and {@link Timing#CALENDARS} write the
   * same SOP files, and differ in org.yaml only.
   */
  public static int generate(
      Path out, int n, long seed, int brokenLinkPct, int schemaErrorPct, Style style, Timing timing)
      throws IOException {
    CorpusGenerator g = new CorpusGenerator(seed, brokenLinkPct, schemaErrorPct, timing);
    SplittableRandom styles = new SplittableRandom(seed ^ 0x5DEECE66DL);
    Files.createDirectories(out);
    g.writeOrg(out);
    List<Plan> plans = g.plan(n);
    for (Plan p : plans) {
      Path file = out.resolve(p.path());
      Files.createDirectories(file.getParent());
      YamlStyle writer = style == Style.MIXED ? YamlStyle.mixed(styles) : YamlStyle.plain();
      List<YamlStyle.Located> problems = new ArrayList<>();
      Files.writeString(file, writer.write(g.sop(p), problems), StandardCharsets.UTF_8);
      for (YamlStyle.Located l : problems) {
        g.expect(p.path(), l.line(), l.column(), l.problem().rule(), l.problem().message());
      }
    }
    Collections.sort(g.expected);
    StringBuilder text = new StringBuilder();
    g.expected.forEach(line -> text.append(line).append('\n'));
    Files.writeString(out.resolve("expected.txt"), text.toString(), StandardCharsets.UTF_8);
    return g.expected.size();
  }

  private void writeOrg(Path out) throws IOException {
    int count = 12 + random.nextInt(9);
    List<String> names = new ArrayList<>(List.of(DEPARTMENT_WORDS));
    shuffle(names);
    StringBuilder y = new StringBuilder();
    y.append("org: 1\nname: Synthetic Corp\n\n");
    if (timing == Timing.CALENDARS) {
      y.append("calendars:\n");
      for (String[] c : CALENDARS) {
        y.append("  ").append(c[0]).append(":\n    timezone: ").append(c[1]);
        y.append("\n    hours: ").append(c[2]).append('\n');
        if (!c[3].isEmpty()) {
          y.append("    holidays: ").append(c[3]).append('\n');
        }
      }
      y.append("calendar: office\n\n");
    }
    y.append("departments:\n");
    for (int i = 0; i < count; i++) {
      String id = names.get(i);
      String prefix = prefix(id, i);
      List<String> roles = new ArrayList<>();
      int roleCount = 3 + random.nextInt(3);
      List<String> words = new ArrayList<>(List.of(ROLE_WORDS));
      shuffle(words);
      for (int r = 0; r < roleCount; r++) {
        roles.add(id + "-" + words.get(r));
      }
      departments.add(new Department(id, prefix, roles));
      y.append("  - id: ").append(id).append('\n');
      y.append("    name: ").append(title(id)).append('\n');
      y.append("    description: ").append(sentence()).append('\n');
      // Drawn in every timing, so that the departments' calendars do not depend on it.
      String[] calendar = CALENDARS[timingRandom.nextInt(CALENDARS.length)];
      if (timing == Timing.CALENDARS && !calendar[0].equals("office")) {
        y.append("    calendar: ").append(calendar[0]).append('\n');
      }
    }
    y.append("  - id: customer\n    name: Customer\n    external: true\n");
    y.append("\nroles:\n");
    for (Department d : departments) {
      for (String role : d.roles()) {
        y.append("  - { id: ")
            .append(role)
            .append(", name: ")
            .append(title(role))
            .append(", department: ")
            .append(d.id())
            .append(" }\n");
      }
    }
    y.append("\nchannels:\n");
    for (String c : CHANNELS) {
      y.append("  - { id: ").append(c).append(", kind: digital, name: ").append(title(c));
      y.append(" }\n");
    }
    y.append("\nstages: [").append(String.join(", ", STAGES)).append("]\n");
    y.append("systems: [").append(String.join(", ", SYSTEMS)).append("]\n");
    Files.writeString(out.resolve("org.yaml"), y.toString(), StandardCharsets.UTF_8);
  }

  /** Chains of 3 to 7 SOPs in different departments: customer -> A -> B -> ... -> customer. */
  private List<Plan> plan(int n) {
    List<Plan> plans = new ArrayList<>(n);
    int i = 0;
    while (i < n) {
      int length = Math.min(n - i, 3 + random.nextInt(5));
      Department[] chain = new Department[length];
      for (int k = 0; k < length; k++) {
        Department d;
        do {
          d = departments.get(random.nextInt(departments.size()));
        } while (k > 0 && d == chain[k - 1]);
        chain[k] = d;
      }
      String topic = TOPICS[random.nextInt(TOPICS.length)];
      Plan previous = null;
      for (int k = 0; k < length; k++) {
        int index = i + k;
        Department d = chain[k];
        String id = d.prefix() + "-" + String.format(Locale.ROOT, "%05d", index);
        String path = d.id() + "/" + topic + "-" + pick(NOUNS) + "-" + index + ".yaml";
        String in = previous == null ? topic + "-request-" + index : previous.outputArtifact();
        String outArtifact = topic + "-" + pick(NOUNS) + "-" + index;
        Department next = k + 1 < length ? chain[k + 1] : null;
        Plan p = new Plan(index, d, id, path, topic, in, previous, outArtifact, next);
        plans.add(p);
        previous = p;
      }
      chainResults.put(i, previous.outputArtifact());
      i += length;
    }
    return plans;
  }

  /**
   * The content of one SOP: the same random draws, in the same order, whatever style it is then
   * written in. Injected problems ride on the value (or key) they concern.
   */
  private Fields sop(Plan p) {
    List<Field> y = new ArrayList<>();
    // At most one problem of each kind per file, placed at a random eligible spot.
    boolean brokenLink = random.nextInt(100) < brokenLinkPct;
    boolean schemaError = random.nextInt(100) < schemaErrorPct;
    int stepCount = 5 + random.nextInt(8);
    int linkKind = random.nextInt(3);
    int linkStep = random.nextInt(stepCount);
    int schemaKind = random.nextInt(3);
    int schemaStep = random.nextInt(stepCount);

    y.add(new Field("sop", Scalar.of("1", Kind.NUMBER)));
    y.add(new Field("id", word(p.id())));
    y.add(new Field("title", text(capital(pick(VERBS)) + " " + p.topic() + " " + pick(NOUNS) + "s")));
    y.add(new Field("department", word(p.dept().id())));
    y.add(new Field("owner", word(p.dept().roles().get(0))));
    y.add(new Field("status", word("approved")));
    if (schemaError && schemaKind == 0) {
      String v = (1 + random.nextInt(5)) + "." + random.nextInt(10);
      y.add(new Field("version", new Scalar(List.of(v), Kind.NUMBER,
          problem("schema", "version: should be text, not the number " + v))));
    } else {
      y.add(new Field("version", word((1 + random.nextInt(5)) + "." + random.nextInt(10) + ".0")));
    }
    y.add(new Field("effective", Scalar.of("2025-" + twoDigits(1 + random.nextInt(12)) + "-10", Kind.DATE)));
    y.add(new Field("review", flowFields(
        new Field("every", word("P1Y")),
        new Field("last", Scalar.of("2026-" + twoDigits(1 + random.nextInt(10)) + "-01", Kind.DATE)))));
    List<String> purpose = new ArrayList<>();
    for (int s = 0, count = 2 + random.nextInt(3); s < count; s++) {
      purpose.add(sentence());
    }
    y.add(new Field("purpose", new Scalar(purpose, Kind.PARAGRAPH, null)));
    y.add(new Field("stages", names(word(pick(STAGES)))));
    String channel = pick(CHANNELS);
    y.add(new Field("channels", names(word(channel))));
    Fields input;
    if (p.previous() == null) {
      input = fields(new Field("artifact", word(p.inputArtifact())), new Field("from", word("customer")));
    } else if (timing != Timing.PLAIN && timingRandom.nextInt(3) > 0) {
      input = fields(new Field("artifact", word(p.inputArtifact())),
          new Field("from", word(p.previous().dept().id())),
          new Field("sop", word(p.previous().id())),
          new Field("pickup", word("PT" + (1 + timingRandom.nextInt(4)) + "H")));
    } else {
      input = fields(new Field("artifact", word(p.inputArtifact())),
          new Field("from", word(p.previous().dept().id())),
          new Field("sop", word(p.previous().id())));
    }
    y.add(new Field("inputs", list(input)));
    y.add(new Field("outputs", list(fields(new Field("artifact", word(p.outputArtifact())),
        new Field("to", names(word(p.next() == null ? "customer" : p.next().id())))))));
    Scalar promiseChannel;
    if (brokenLink && linkKind == 2) {
      String bad = brokenName();
      promiseChannel = new Scalar(List.of(bad), Kind.WORD,
          problem("unknown-reference", "unknown channel '" + bad + "'"));
    } else {
      promiseChannel = word(channel);
    }
    Fields firstReply = fields(
        new Field("id", word("first-reply")),
        new Field("channel", promiseChannel),
        new Field("within", word("PT" + (1 + random.nextInt(48)) + "H")),
        new Field("description", text(sentence())));
    String result = chainResults.get(p.index());
    if (timing != Timing.PLAIN && result != null) {
      // Chains take at most 7 SOPs of 12 steps of an hour, with 4 h pickups: about 14 working
      // days on the shortest calendar, so neither deadline is ever at risk.
      String within = timingRandom.nextBoolean() ? "P60D" : "40 business days";
      y.add(new Field("promises", list(firstReply, fields(
          new Field("id", word("result-delivered")),
          new Field("until", word(result)),
          new Field("within", Scalar.of(within, Kind.TEXT))))));
    } else {
      y.add(new Field("promises", list(firstReply)));
    }
    y.add(new Field("kpis", list(
        flowFields(new Field("id", word("on-time-rate")),
            new Field("target", Scalar.of(">= " + (80 + random.nextInt(20)) + "%", Kind.SYMBOLS))),
        flowFields(new Field("id", word("error-rate")),
            new Field("target", Scalar.of("< " + (1 + random.nextInt(5)) + "%", Kind.SYMBOLS))))));
    y.add(new Field("references", list(fields(
        new Field("title", text(title(p.topic()) + " policy")),
        new Field("url", word("https://intranet.example.com/policies/" + p.topic() + "/" + p.index()))))));
    List<Node> steps = new ArrayList<>();
    for (int s = 0; s < stepCount; s++) {
      List<Field> step = new ArrayList<>();
      String role = p.dept().roles().get(random.nextInt(p.dept().roles().size()));
      step.add(new Field("id", word("step-" + (s + 1) + "-" + pick(VERBS))));
      if (brokenLink && linkKind == 0 && s == linkStep) {
        String bad = brokenName();
        step.add(new Field("role", new Scalar(List.of(bad), Kind.WORD,
            problem("unknown-reference", "unknown role '" + bad + "'"))));
      } else {
        step.add(new Field("role", word(role)));
      }
      List<String> instruction = new ArrayList<>();
      for (int k = 0, count = 1 + random.nextInt(3); k < count; k++) {
        instruction.add(sentence());
      }
      step.add(new Field("do", new Scalar(instruction, Kind.PARAGRAPH, null)));
      if (random.nextInt(4) == 0) {
        step.add(new Field("when", text(pick(CONDITIONS))));
      }
      String system = pick(SYSTEMS);
      if (brokenLink && linkKind == 1 && s == linkStep) {
        String bad = brokenName();
        step.add(new Field("systems", names(word(system), new Scalar(List.of(bad), Kind.WORD,
            problem("unknown-reference", "unknown system '" + bad + "'")))));
      } else {
        step.add(new Field("systems", names(word(system))));
      }
      if (schemaError && schemaKind == 1 && s == schemaStep) {
        String bad = (1 + random.nextInt(8)) + " hours";
        step.add(new Field("duration", new Scalar(List.of(bad), Kind.WORD, problem("schema",
            "steps[" + s + "].duration: '" + bad
                + "' is not an ISO-8601 duration (for example PT2H, PT15M or P7D)"))));
      } else {
        step.add(new Field("duration", word("PT" + (5 + random.nextInt(55)) + "M")));
      }
      if (schemaError && schemaKind == 2 && s == schemaStep) {
        step.add(new Field("comment", text(sentence()),
            problem("schema", "steps[" + s + "]: unknown field 'comment'")));
      }
      if (s == stepCount - 1) {
        step.add(new Field("produces", names(word(p.outputArtifact()))));
      }
      steps.add(new Fields(step, false));
    }
    y.add(new Field("steps", new Items(steps, false)));
    return new Fields(y, false);
  }

  private static Scalar word(String w) {
    return Scalar.of(w, Kind.WORD);
  }

  private static Scalar text(String t) {
    return Scalar.of(t, Kind.TEXT);
  }

  private static Fields fields(Field... fields) {
    return new Fields(List.of(fields), false);
  }

  private static Fields flowFields(Field... fields) {
    return new Fields(List.of(fields), true);
  }

  /** A list of names, written [a, b] in the house style. */
  private static Items names(Node... names) {
    return new Items(List.of(names), true);
  }

  private static Items list(Node... items) {
    return new Items(List.of(items), false);
  }

  private static Problem problem(String rule, String message) {
    return new Problem(rule, message);
  }

  private void expect(String file, int line, int column, String rule, String message) {
    expected.add(file + ":" + line + ":" + column + ": error [" + rule + "] " + message);
  }

  /**
   * An undeclared name that can never earn a "did you mean" hint: declared names hold no digits,
   * and this one holds more digits than the edit distance a hint allows for its length.
   */
  private String brokenName() {
    return "gone-" + String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
  }

  private String sentence() {
    StringBuilder s = new StringBuilder(capital(pick(VERBS)));
    s.append(' ').append(pick(OBJECTS)).append(' ').append(pick(CLAUSES));
    if (random.nextBoolean()) {
      s.append(", then ").append(pick(VERBS)).append(' ').append(pick(OBJECTS));
    }
    if (random.nextInt(3) == 0) {
      s.append(' ').append(pick(CLAUSES));
    }
    return s.append('.').toString();
  }

  private String pick(String[] words) {
    return words[random.nextInt(words.length)];
  }

  private void shuffle(List<String> list) {
    for (int i = list.size() - 1; i > 0; i--) {
      Collections.swap(list, i, random.nextInt(i + 1));
    }
  }

  private static String prefix(String department, int index) {
    StringBuilder p = new StringBuilder();
    for (String part : department.split("-")) {
      p.append(Character.toUpperCase(part.charAt(0)));
    }
    if (p.length() < 2) {
      p.append(Character.toUpperCase(department.charAt(1)));
    }
    return p + String.valueOf((char) ('A' + index % 26));
  }

  private static String title(String kebab) {
    StringBuilder t = new StringBuilder();
    for (String part : kebab.split("-")) {
      if (t.length() > 0) {
        t.append(' ');
      }
      t.append(capital(part));
    }
    return t.toString();
  }

  private static String capital(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static String twoDigits(int n) {
    return n < 10 ? "0" + n : String.valueOf(n);
  }
}
