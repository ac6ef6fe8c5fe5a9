package dev.sopkit.render.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sopkit.check.RepoCheck;
import dev.sopkit.load.RepoScanner;
import dev.sopkit.model.Durations;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Status;
import dev.sopkit.model.Workspace;
import dev.sopkit.testing.Cli;
import dev.sopkit.testing.Resources;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The zendesk-sla target against the vendor's own example of a Create SLA Policy request
 * (vendor/zendesk/README.md says where it comes from), and against what the SOPs promise.
 */
class ZendeskSlaVendorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The metric names Zendesk's SLA Policies reference lists for policy_metrics. */
  private static final Set<String> METRICS = Set.of(
      "agent_work_time", "first_reply_time", "next_reply_time", "pausable_update_time",
      "periodic_update_time", "requester_wait_time");
  /** Zendesk's ticket priorities. */
  private static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "urgent");

  private static JsonNode render(Path root) throws IOException {
    Cli.Run run = Cli.run(Path.of("").toAbsolutePath(), "render", "config", "--target", "zendesk-sla",
        root.toString(), "--today", "2026-11-22");
    assertEquals(0, run.exit(), run.err());
    return JSON.readTree(run.out());
  }

  @Test
  void everyRequestHasTheShapeOfZendesksExample() throws IOException {
    JsonNode example = JSON.readTree(Resources.path("vendor/zendesk/sla-policy-create-request.json").toFile());
    for (Path root : List.of(Resources.path("golden/config-basic/input"), Path.of("sops"),
        Resources.path("cli/render-config-zendesk-sla-calendars/sops"))) {
      JsonNode requests = render(root).path("requests");
      assertTrue(requests.size() > 0, root.toString());
      for (JsonNode request : requests) {
        sameShape(example, request, "request");
        JsonNode policy = request.path("sla_policy");
        // Every key of the example is there too: title and filter are mandatory, the rest is what a
        // policy needs to time anything.
        assertEquals(names(example.path("sla_policy")), names(policy));
        for (JsonNode m : policy.path("policy_metrics")) {
          assertTrue(METRICS.contains(m.path("metric").textValue()), m.toString());
          assertTrue(PRIORITIES.contains(m.path("priority").textValue()), m.toString());
          assertTrue(m.path("target").longValue() >= 1, "targets are whole minutes, at least 1: " + m);
        }
        Set<String> priorities = new TreeSet<>();
        policy.path("policy_metrics").forEach(m -> priorities.add(m.path("priority").textValue()));
        assertEquals(new TreeSet<>(PRIORITIES), priorities, "a target for every priority");
      }
    }
  }

  /** Every key of {@code actual} exists in {@code example} at the same place, with the same type. */
  private static void sameShape(JsonNode example, JsonNode actual, String where) {
    assertEquals(example.getNodeType(), actual.getNodeType(), where);
    if (actual.isObject()) {
      for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        assertTrue(example.has(name), where + "." + name + " is not in Zendesk's example");
        sameShape(example.get(name), actual.get(name), where + "." + name);
      }
    } else if (actual.isArray() && example.size() > 0) {
      for (int i = 0; i < actual.size(); i++) {
        sameShape(example.get(0), actual.get(i), where + "[" + i + "]");
      }
    } else if (actual.isNumber()) {
      assertTrue(actual.canConvertToLong() && example.isIntegralNumber(), where + " is an integer");
    }
  }

  private static Set<String> names(JsonNode object) {
    Set<String> out = new TreeSet<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /**
   * The sample library: each reply promise of an SOP in force, per channel, is one policy whose
   * targets are the promise's minutes (rounded down) for every priority, on calendar hours.
   */
  @Test
  void theSampleLibrarysPromisesAreTheTargets() throws IOException {
    Path root = Path.of("sops").toAbsolutePath();
    Workspace ws = RepoCheck.run(RepoScanner.scan(root, root), LocalDate.of(2026, 11, 22)).workspace();
    TreeMap<String, Long> promised = new TreeMap<>();
    for (Sop sop : ws.sops()) {
      if (sop.status() == Status.DRAFT || sop.retired()) {
        continue;
      }
      for (Sop.Promise p : sop.promises()) {
        if (p.until() != null) {
          continue; // across departments: a workflow timer, not a helpdesk SLA
        }
        List<String> channels = new ArrayList<>();
        if (p.channel() != null) {
          channels.add(p.channel().value());
        } else {
          sop.channels().forEach(c -> channels.add(c.value()));
        }
        long minutes = Durations.parse(p.within().value()).toMinutes();
        for (String c : channels) {
          promised.put(sop.idText() + " " + p.id().value() + " (" + c + ")", minutes);
        }
        if (channels.isEmpty()) {
          promised.put(sop.idText() + " " + p.id().value(), minutes);
        }
      }
    }
    TreeMap<String, Long> rendered = new TreeMap<>();
    for (JsonNode r : render(Path.of("sops")).path("requests")) {
      JsonNode policy = r.path("sla_policy");
      Set<Long> targets = new TreeSet<>();
      for (JsonNode m : policy.path("policy_metrics")) {
        targets.add(m.path("target").longValue());
        assertEquals(false, m.path("business_hours").booleanValue(), "no calendars in the sample: calendar hours");
      }
      assertEquals(1, targets.size(), "one target for all priorities: " + policy);
      rendered.put(policy.path("title").textValue(), targets.iterator().next());
    }
    assertEquals(promised, rendered);
    assertTrue(promised.size() >= 15, "the sample library has many reply promises: " + promised.size());
  }
}
