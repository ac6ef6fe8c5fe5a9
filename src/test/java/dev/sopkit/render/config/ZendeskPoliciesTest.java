package dev.sopkit.render.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sopkit.render.config.ConfigModel.SlaPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a promise becomes a Zendesk policy: the metric it times, its tags, what Zendesk cannot hold. */
class ZendeskPoliciesTest {
  private static String metric(String id, String description) {
    return ZendeskPolicies.metric(id, description).name();
  }

  @Test
  void theIdNamesTheMetricFirst() {
    assertEquals("first_reply_time", metric("first-reply-email", "Resolved within three days"));
    assertEquals("first_reply_time", metric("answer-call", null));
    assertEquals("first_reply_time", metric("incident-acknowledged", null));
    assertEquals("next_reply_time", metric("next-reply", "We reply to every follow-up"));
    assertEquals("next_reply_time", metric("status-update", null));
    assertEquals("id:first", ZendeskPolicies.metric("first-reply-email", null).basis());
  }

  @Test
  void thenTheDescriptionThenTheCustomersWait() {
    assertEquals("first_reply_time", metric("chat-sla", "We answer every chat within five minutes."));
    assertEquals("description:answer", ZendeskPolicies.metric("chat-sla", "We answer chats.").basis());
    assertEquals("requester_wait_time", metric("resolution-email", null));
    assertEquals("requester_wait_time", metric("refund-issued", "The refund is paid."));
    assertEquals("default", ZendeskPolicies.metric("refund-issued", null).basis());
    // Whole words only: "firstly" or "preplyx" are not reply promises.
    assertEquals("requester_wait_time", metric("claims-firstly-decided", null));
  }

  @Test
  void tagsAreLowercaseWithoutSpaces() {
    assertEquals("sop-cs-eml-001", ZendeskPolicies.tag("sop", "CS-EML-001"));
    assertEquals("channel-e_mail__x_", ZendeskPolicies.tag("channel", "E mail \"x\""));
  }

  @Test
  void underAMinuteIsNotCoveredAndPositionsCountOnlyPolicies() {
    SlaPolicy quick = new SlaPolicy("A/ack", "A", "t", "ack", null, null, 30, 0, "r", null, "owner");
    SlaPolicy reply = new SlaPolicy("A/first-reply/email", "A", "t", "first-reply", "d", "email", 600, 10,
        "r", null, "owner");
    var policies = ZendeskPolicies.of(List.of(quick, reply));
    assertEquals(1, policies.size());
    assertEquals(1, policies.get(0).position());
    assertEquals(List.of("sop-a", "channel-email"), policies.get(0).tags());
    assertEquals("A first-reply (email)", policies.get(0).title());
    assertEquals(10, policies.get(0).targetMinutes());
    assertEquals(List.of(new ConfigModel.ZendeskUncovered("A/ack",
        "the target is 30 seconds, and Zendesk SLA targets are whole minutes")),
        ZendeskPolicies.uncovered(List.of(quick, reply)));
  }
}
