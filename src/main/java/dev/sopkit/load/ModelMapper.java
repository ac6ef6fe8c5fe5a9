package dev.sopkit.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sopkit.model.Org;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Scenario;
import dev.sopkit.model.Sop;
import dev.sopkit.model.SourcePos;
import dev.sopkit.model.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps a schema-checked tree to model records. Lenient on purpose: a field of the wrong type was
 * already reported by the schema check, so here it simply becomes null and the rest still counts.
 */
public final class ModelMapper {
  private final JsonNode root;
  private final SourceMap map;

  private ModelMapper(JsonNode root, SourceMap map) {
    this.root = root;
    this.map = map;
  }

  public static Sop sop(ParsedYaml doc) {
    return new ModelMapper(doc.root(), doc.map()).sop();
  }

  public static Org org(ParsedYaml doc) {
    return new ModelMapper(doc.root(), doc.map()).org();
  }

  public static Scenario scenario(ParsedYaml doc) {
    return new ModelMapper(doc.root(), doc.map()).scenario();
  }

  /** An org with nothing declared, for when org.yaml cannot be read. */
  public static Org emptyOrg(String file) {
    return new Org(file, null, List.of(), List.of(), List.of(), List.of(), List.of(), Map.of());
  }

  private Sop sop() {
    JsonNode review = root.path("review");
    return new Sop(
        map.file(),
        ref(root, "id"),
        text(root.path("title")),
        ref(root, "department"),
        ref(root, "owner"),
        Status.parse(text(root.path("status"))),
        text(root.path("version")),
        ref(root, "effective"),
        review.isObject() ? new Sop.Review(ref(review, "every"), ref(review, "last")) : null,
        text(root.path("purpose")),
        refs(root, "stages"),
        refs(root, "channels"),
        list(root, "inputs", n ->
                new Sop.Input(
                    ref(n, "artifact"), ref(n, "from"), ref(n, "sop"), ref(n, "pickup"))),
        list(root, "outputs", n -> new Sop.Output(ref(n, "artifact"), refs(n, "to"))),
        list(
            root,
            "promises",
            n ->
                new Sop.Promise(
                    ref(n, "id"),
                    ref(n, "channel"),
                    ref(n, "within"),
                    ref(n, "until"),
                    text(n.path("description")),
                    ref(n, "calendar"))),
        list(
            root,
            "kpis",
            n ->
                new Sop.Kpi(
                    text(n.path("id")), scalar(n.path("target")), text(n.path("description")))),
        list(
            root,
            "references",
            n -> new Sop.Reference(text(n.path("title")), text(n.path("url")))),
        list(
            root,
            "steps",
            n ->
                new Sop.Step(
                    ref(n, "id"),
                    ref(n, "role"),
                    text(n.path("do")),
                    text(n.path("when")),
                    refs(n, "systems"),
                    ref(n, "duration"),
                    refs(n, "produces"))),
        list(
            root,
            "suppress",
            n ->
                new Sop.Suppression(
                    ref(n, "rule"), ref(n, "artifact"), text(n.path("reason")), ref(n, "until"))),
        ref(root, "approver"),
        prose());
  }

  /** The purpose, each step's do and each promise's description, in file order. */
  private List<Ref> prose() {
    List<Ref> out = new ArrayList<>();
    addText(out, root, "purpose");
    for (JsonNode step : root.path("steps")) {
      addText(out, step, "do");
    }
    for (JsonNode promise : root.path("promises")) {
      addText(out, promise, "description");
    }
    return out;
  }

  /** Not interned as names are: prose rarely repeats, and it is the same String as the field's. */
  private void addText(List<Ref> out, JsonNode parent, String field) {
    JsonNode n = parent.path(field);
    if (n.isTextual()) {
      out.add(new Ref(n.textValue(), map.value(parent, field)));
    }
  }

  private Scenario scenario() {
    JsonNode start = root.path("start");
    JsonNode expect = root.path("expect");
    return new Scenario(
        map.file(),
        text(root.path("name")),
        SourcePos.start(map.file()),
        ref(start, "sop"),
        ref(start, "at"),
        list(
            root,
            "choices",
            n -> new Scenario.Choice(ref(n, "sop"), ref(n, "step"), n.path("taken").asBoolean(true))),
        expect.isObject()
            ? new Scenario.Expect(
                expect.path("departments").isArray() ? refs(expect, "departments") : null,
                map.key(expect, "departments"),
                expect.path("sops").isArray() ? refs(expect, "sops") : null,
                map.key(expect, "sops"),
                expect.path("handovers").isArray() ? refs(expect, "handovers") : null,
                map.key(expect, "handovers"),
                ref(expect, "until"),
                ref(expect, "by"),
                ref(expect, "within"))
            : null);
  }

  private Org org() {
    Map<String, Ref> lint = new LinkedHashMap<>();
    JsonNode lintNode = root.path("lint");
    if (lintNode.isObject()) {
      lintNode
          .fieldNames()
          .forEachRemaining(
              rule -> {
                Ref severity = ref(lintNode, rule);
                if (severity != null) {
                  lint.put(rule, new Ref(severity.value(), map.key(lintNode, rule)));
                }
              });
    }
    return new Org(
        map.file(),
        text(root.path("name")),
        list(
            root,
            "departments",
            n ->
                new Org.Department(
                    ref(n, "id"),
                    text(n.path("name")),
                    n.path("external").asBoolean(false),
                    text(n.path("prefix")),
                    text(n.path("description")),
                    ref(n, "calendar"),
                    ref(n, "head"))),
        list(
            root,
            "roles",
            n ->
                new Org.Role(
                    ref(n, "id"),
                    text(n.path("name")),
                    ref(n, "department"),
                    text(n.path("description")))),
        list(
            root,
            "channels",
            n -> new Org.Channel(ref(n, "id"), text(n.path("kind")), text(n.path("name")))),
        refs(root, "stages"),
        refs(root, "systems"),
        lint,
        calendars(),
        ref(root, "calendar"),
        reviewers());
  }

  /** {@code reviewers:}, in file order; entries that are not lists are left to the schema. */
  private List<Org.Reviewers> reviewers() {
    JsonNode all = root.path("reviewers");
    if (!all.isObject()) {
      return List.of();
    }
    List<Org.Reviewers> out = new ArrayList<>();
    all.fieldNames()
        .forEachRemaining(
            id -> out.add(new Org.Reviewers(new Ref(id, map.key(all, id)), refs(all, id))));
    return List.copyOf(out);
  }

  /** {@code calendars:}, in file order; entries that are not mappings are left to the schema. */
  private List<Org.Calendar> calendars() {
    JsonNode all = root.path("calendars");
    if (!all.isObject()) {
      return List.of();
    }
    List<Org.Calendar> out = new ArrayList<>();
    all.fieldNames()
        .forEachRemaining(
            id -> {
              JsonNode c = all.path(id);
              if (!c.isObject()) {
                return;
              }
              Ref allWeek = ref(c, "hours");
              List<Org.DayHours> days = new ArrayList<>();
              JsonNode hours = c.path("hours");
              if (hours.isObject()) {
                hours
                    .fieldNames()
                    .forEachRemaining(
                        key -> {
                          JsonNode v = hours.path(key);
                          List<Ref> ranges = v.isTextual() ? List.of(ref(hours, key)) : refs(hours, key);
                          days.add(new Org.DayHours(new Ref(key, map.key(hours, key)), ranges));
                        });
              }
              out.add(
                  new Org.Calendar(
                      new Ref(id, map.key(all, id)),
                      ref(c, "timezone"),
                      allWeek,
                      List.copyOf(days),
                      refs(c, "holidays"),
                      hours.isObject()));
            });
    return List.copyOf(out);
  }

  private static String text(JsonNode n) {
    return n.isTextual() ? n.textValue() : null;
  }

  private static String scalar(JsonNode n) {
    return n.isValueNode() && !n.isNull() ? n.asText() : null;
  }

  /**
   * A referenced name, shared with every other occurrence: the same few hundred role, department
   * and system names recur in every SOP, and a repository's model is kept until all rules ran.
   */
  private static String name(JsonNode n) {
    return n.textValue().intern();
  }

  /** Field {@code name} of {@code parent} with its position, or null when absent or not text. */
  private Ref ref(JsonNode parent, String name) {
    JsonNode n = parent.path(name);
    return n.isTextual() ? new Ref(name(n), map.value(parent, name)) : null;
  }

  /** The text elements of list {@code name} of {@code parent}, with their positions. */
  private List<Ref> refs(JsonNode parent, String name) {
    JsonNode n = parent.path(name);
    if (!n.isArray()) {
      return List.of();
    }
    List<Ref> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      JsonNode element = n.get(i);
      if (element.isTextual()) {
        out.add(new Ref(name(element), map.value(n, i)));
      }
    }
    return List.copyOf(out);
  }

  /** The mapping elements of list {@code name} of {@code parent}, each mapped by {@code item}. */
  private static <T> List<T> list(JsonNode parent, String name, Function<JsonNode, T> item) {
    JsonNode n = parent.path(name);
    if (!n.isArray()) {
      return List.of();
    }
    List<T> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      JsonNode element = n.get(i);
      if (element.isObject()) {
        out.add(item.apply(element));
      }
    }
    return List.copyOf(out);
  }
}
