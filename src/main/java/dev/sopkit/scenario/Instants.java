package dev.sopkit.scenario;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instants a scenario is written in: {@code 2026-12-18T16:30} (in a zone the reader supplies,
 * the starting department's), with an offset ({@code +01:00}, {@code Z}) or with a time zone
 * ({@code 2026-12-18T16:30 Europe/Berlin}). The schema checks the shape; this says whether the
 * date and zone exist, and reads them.
 */
public final class Instants {
  private static final Pattern SHAPE =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2})?)(Z|[+-]\\d{2}:\\d{2}| (\\S+))?");

  /** How timelines and messages show an instant: Fri 2026-12-18 16:30 Europe/Berlin. */
  public static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("EEE uuuu-MM-dd HH:mm", Locale.ROOT);

  private Instants() {}

  /** What is wrong with an instant of the right shape, or null (also for the wrong shape). */
  public static String problem(String text) {
    Matcher m = SHAPE.matcher(text);
    if (!m.matches()) {
      return null;
    }
    try {
      LocalDateTime.parse(m.group(1));
    } catch (DateTimeException e) {
      return "'" + text + "' is not a real date and time";
    }
    if (m.group(3) != null) {
      try {
        ZoneId.of(m.group(3));
      } catch (DateTimeException e) {
        return "unknown time zone '" + m.group(3) + "'";
      }
    } else if (m.group(2) != null) {
      try {
        ZoneId.of(m.group(2));
      } catch (DateTimeException e) {
        return "'" + m.group(2) + "' is not an offset from UTC";
      }
    }
    return null;
  }

  /**
   * The instant, in its own zone or offset, else in {@code zone}; null when it has the wrong
   * shape or does not exist ({@link #problem} says why).
   */
  public static ZonedDateTime parse(String text, ZoneId zone) {
    Matcher m = SHAPE.matcher(text);
    if (!m.matches() || problem(text) != null) {
      return null;
    }
    LocalDateTime local = LocalDateTime.parse(m.group(1));
    String z = m.group(3) != null ? m.group(3) : m.group(2);
    return local.atZone(z == null ? zone : ZoneId.of(z));
  }

  /** Fri 2026-12-18 16:30 Europe/Berlin */
  public static String show(ZonedDateTime t) {
    return SHOWN.format(t) + " " + t.getZone().getId();
  }
}
