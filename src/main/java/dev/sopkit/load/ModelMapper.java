package dev.sopkit.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sopkit.model.Org;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

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

  /** An org with nothing declared, for when org.yaml cannot be read. */
  public static Org emptyOrg(String file) {
    return new Org(file, null, List.of(), List.of(), List.of(), List.of(), List.of(), Map.of());
  }

  private Sop sop() {
    return new Sop(
        map.file(),
        ref("/id"),
        text(root.path("title")),
        ref("/department"),
        ref("/owner"),
        Status.parse(text(root.path("status"))),
        text(root.path("version")),
        ref("/effective"),
        root.path("review").isObject()
            ? new Sop.Review(ref("/review/every"), ref("/review/last"))
            : null,
        text(root.path("purpose")),
        refs("/stages"),
        refs("/channels"),
        list("/inputs", (p, n) -> new Sop.Input(ref(p + "/artifact"), ref(p + "/from"), ref(p + "/sop"))),
        list("/outputs", (p, n) -> new Sop.Output(ref(p + "/artifact"), refs(p + "/to"))),
        list(
            "/promises",
            (p, n) ->
                new Sop.Promise(
                    ref(p + "/id"),
                    ref(p + "/channel"),
                    ref(p + "/within"),
                    ref(p + "/until"),
                    text(n.path("description")))),
        list(
            "/kpis",
            (p, n) ->
                new Sop.Kpi(
                    text(n.path("id")), scalar(n.path("target")), text(n.path("description")))),
        list("/references", (p, n) -> new Sop.Reference(text(n.path("title")), text(n.path("url")))),
        list(
            "/steps",
            (p, n) ->
                new Sop.Step(
                    ref(p + "/id"),
                    ref(p + "/role"),
                    text(n.path("do")),
                    text(n.path("when")),
                    refs(p + "/systems"),
                    ref(p + "/duration"),
                    refs(p + "/produces"))),
        list(
            "/suppress",
            (p, n) ->
                new Sop.Suppression(
                    ref(p + "/rule"), ref(p + "/artifact"), text(n.path("reason")), ref(p + "/until"))));
  }

  private Org org() {
    Map<String, Ref> lint = new LinkedHashMap<>();
    JsonNode lintNode = root.path("lint");
    if (lintNode.isObject()) {
      lintNode
          .fieldNames()
          .forEachRemaining(
              rule -> {
                Ref severity = ref(SourceMap.child("/lint", rule));
                if (severity != null) {
                  lint.put(rule, new Ref(severity.value(), map.key(SourceMap.child("/lint", rule))));
                }
              });
    }
    return new Org(
        map.file(),
        text(root.path("name")),
        list(
            "/departments",
            (p, n) ->
                new Org.Department(
                    ref(p + "/id"),
                    text(n.path("name")),
                    n.path("external").asBoolean(false),
                    text(n.path("prefix")),
                    text(n.path("description")))),
        list(
            "/roles",
            (p, n) ->
                new Org.Role(
                    ref(p + "/id"),
                    text(n.path("name")),
                    ref(p + "/department"),
                    text(n.path("description")))),
        list(
            "/channels",
            (p, n) -> new Org.Channel(ref(p + "/id"), text(n.path("kind")), text(n.path("name")))),
        refs("/stages"),
        refs("/systems"),
        lint);
  }

  private JsonNode at(String pointer) {
    return root.at(pointer);
  }

  private static String text(JsonNode n) {
    return n.isTextual() ? n.textValue() : null;
  }

  private static String scalar(JsonNode n) {
    return n.isValueNode() && !n.isNull() ? n.asText() : null;
  }

  /** The text at {@code pointer} with its position, or null when it is absent or not text. */
  private Ref ref(String pointer) {
    JsonNode n = at(pointer);
    return n.isTextual() ? new Ref(n.textValue(), map.value(pointer)) : null;
  }

  private List<Ref> refs(String pointer) {
    JsonNode n = at(pointer);
    if (!n.isArray()) {
      return List.of();
    }
    List<Ref> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      Ref r = ref(SourceMap.child(pointer, i));
      if (r != null) {
        out.add(r);
      }
    }
    return List.copyOf(out);
  }

  private <T> List<T> list(String pointer, BiFunction<String, JsonNode, T> item) {
    JsonNode n = at(pointer);
    if (!n.isArray()) {
      return List.of();
    }
    List<T> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      JsonNode element = n.get(i);
      if (element.isObject()) {
        out.add(item.apply(SourceMap.child(pointer, i), element));
      }
    }
    return List.copyOf(out);
  }
}
