package dev.sopkit.time;

import dev.sopkit.model.Durations;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A promise's {@code within}: elapsed wall-clock time (ISO-8601, as before calendars) or working
 * time on a calendar ({@code 5 business days}, {@code 8 working hours}).
 *
 * @param unit {@link Unit#ELAPSED} (amount in seconds), or business days or hours (amount counted)
 */
public record Deadline(Unit unit, long amount, String text) {
  private static final Pattern BUSINESS =
      Pattern.compile("(\\d{1,5}) (?:business|working) (day|hour)s?");

  /** How a deadline is counted. */
  public enum Unit {
    ELAPSED,
    BUSINESS_DAYS,
    BUSINESS_HOURS
  }

  /** The deadline, or null when the text is neither form. */
  public static Deadline parse(String text) {
    if (text == null) {
      return null;
    }
    Duration d = Durations.parse(text);
    if (d != null) {
      return new Deadline(Unit.ELAPSED, d.getSeconds(), text);
    }
    Matcher m = BUSINESS.matcher(text);
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    return new Deadline(m.group(2).equals("day") ? Unit.BUSINESS_DAYS : Unit.BUSINESS_HOURS, n, text);
  }

  /** Counted in working time, on a calendar. */
  public boolean business() {
    return unit != Unit.ELAPSED;
  }

  /** The limit in seconds of the deadline's measure, given the working day of its calendar. */
  public long seconds(long dayLength) {
    return switch (unit) {
      case ELAPSED -> amount;
      case BUSINESS_DAYS -> amount * dayLength;
      case BUSINESS_HOURS -> amount * 3_600;
    };
  }

  /** The deadline as messages show it: 3 days, 5 business days, 8 business hours. */
  public String describe() {
    return switch (unit) {
      case ELAPSED -> Durations.words(Duration.ofSeconds(amount));
      case BUSINESS_DAYS -> amount + (amount == 1 ? " business day" : " business days");
      case BUSINESS_HOURS -> amount + (amount == 1 ? " business hour" : " business hours");
    };
  }

  /**
   * A figure in this deadline's measure: 3 days 5 h (elapsed, in the words the handbook uses), 7
   * business days, 6 business days 4 hours, 42 business hours 30 minutes.
   */
  public String describe(long seconds, long dayLength) {
    if (unit == Unit.ELAPSED) {
      return Durations.words(Duration.ofSeconds(seconds));
    }
    StringBuilder out = new StringBuilder();
    long rest = seconds;
    if (unit == Unit.BUSINESS_DAYS && dayLength > 0) {
      long days = rest / dayLength;
      rest -= days * dayLength;
      out.append(days).append(days == 1 ? " business day" : " business days");
      if (rest > 0) {
        out.append(' ').append(hours(rest, false));
      }
      return out.toString();
    }
    return hours(rest, true);
  }

  private static String hours(long seconds, boolean business) {
    long h = seconds / 3_600;
    long m = (seconds % 3_600 + 59) / 60; // seconds round up: the figure must not look kept
    if (m == 60) {
      h++;
      m = 0;
    }
    String unit = (business ? " business hour" : " hour") + (h == 1 ? "" : "s");
    if (m == 0) {
      return h + unit;
    }
    return h == 0 && !business
        ? String.format(Locale.ROOT, "%d minutes", m)
        : String.format(Locale.ROOT, "%d%s %d minutes", h, unit, m);
  }
}
