package dev.sopkit.render.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.check.RepoCheck;
import dev.sopkit.load.RepoScanner;
import dev.sopkit.model.Workspace;
import dev.sopkit.render.config.ConfigModel.ZendeskSlaPolicy;
import dev.sopkit.testing.Resources;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** How a promise becomes a Zendesk policy and a calendar a Zendesk schedule. */
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

  /** The calendars fixture of the CLI scenarios: business deadlines count their calendar's hours. */
  private static Workspace calendars() throws Exception {
    Path root = Resources.path("cli/render-config-zendesk-sla-calendars/sops");
    return RepoCheck.run(RepoScanner.scan(root, root), LocalDate.of(2026, 11, 22)).workspace();
  }

  @Test
  void businessDeadlinesCountTheirCalendarsWorkingTime() throws Exception {
    Map<String, ZendeskSlaPolicy> byId = new TreeMap<>();
    ZendeskPolicies.of(calendars()).forEach(p -> byId.put(p.id(), p));
    // Customer service works mon-fri 08:00-20:00 (a 12-hour working day) on 'support'.
    ZendeskSlaPolicy firstReply = byId.get("CS-EML-001/first-reply/email");
    assertEquals(8 * 60, firstReply.targetMinutes());
    assertTrue(firstReply.businessHours());
    assertEquals("support", firstReply.schedule());
    assertEquals(3 * 12 * 60, byId.get("CS-EML-001/resolution/email").targetMinutes());
    // The promise names its own calendar.
    ZendeskSlaPolicy callback = byId.get("CS-EML-001/callback-reply/chat");
    assertEquals(2 * 60, callback.targetMinutes());
    assertEquals("backoffice", callback.schedule());
    // An ISO duration is elapsed time, whatever the department's calendar: calendar hours.
    ZendeskSlaPolicy ack = byId.get("CS-EML-001/acknowledge/email");
    assertEquals(5, ack.targetMinutes());
    assertFalse(ack.businessHours());
    assertNull(ack.schedule());
    assertEquals(List.of(1, 2, 3, 4, 5), byId.values().stream().map(ZendeskSlaPolicy::position).sorted().toList());
    // Zendesk targets are whole minutes: half a minute is reported, not rounded to 0 or 1.
    assertEquals(List.of(new ConfigModel.ZendeskUncovered("CS-EML-001/typing-seen/chat",
        "the target is 30 seconds, and Zendesk SLA targets are whole minutes")),
        ZendeskPolicies.uncovered(calendars()));
  }

  @Test
  void schedulesAreTheCalendarsWithWorkingHoursInZendesksWeek() throws Exception {
    List<ConfigModel.ZendeskSchedule> schedules = ZendeskSchedules.of(calendars());
    assertEquals(List.of("backoffice", "support"), schedules.stream().map(ConfigModel.ZendeskSchedule::id).toList());
    ConfigModel.ZendeskSchedule support = schedules.get(1);
    assertEquals("London", support.timeZone());
    assertTrue(support.timeZoneKnown());
    // Zendesk's own example: Monday 09:00-17:00 is 1980-2460 (minutes from Sunday 00:00).
    assertEquals(new ConfigModel.ZendeskInterval(1440 + 8 * 60, 1440 + 20 * 60), support.intervals().get(0));
    assertEquals(new ConfigModel.ZendeskInterval(6 * 1440 + 9 * 60, 6 * 1440 + 13 * 60), support.intervals().get(5));
    assertEquals(6, support.intervals().size());
    assertEquals(List.of(
        new ConfigModel.ZendeskHoliday("support holiday", "2026-12-25", "2026-12-26"),
        new ConfigModel.ZendeskHoliday("support holiday", "2027-01-01", "2027-01-01")), support.holidays());
    ConfigModel.ZendeskSchedule backoffice = schedules.get(0);
    assertEquals("Asia/Ho_Chi_Minh", backoffice.timeZone(), "no Zendesk name: kept as written");
    assertFalse(backoffice.timeZoneKnown());
    assertEquals(new ConfigModel.ZendeskInterval(1980, 2160), backoffice.intervals().get(0));
    assertEquals(10, backoffice.intervals().size());
  }
}
