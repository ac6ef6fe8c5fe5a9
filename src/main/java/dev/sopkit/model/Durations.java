package dev.sopkit.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO-8601 durations as the format allows them (weeks, days, hours, minutes, seconds; a day is 24
 * hours). {@link java.time.Duration#parse} rejects weeks, hence this small parser.
 */
public final class Durations {
  private static final Pattern ISO =
      Pattern.compile(
          "P(?!$)(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?=\\d)(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?");

  /** A calendar period as reviews use it: years, months, weeks, days, no time part. */
  private static final Pattern PERIOD = Pattern.compile("P(?!$)(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?");

  /** An ISO duration or period inside free text, such as a KPI target {@code <= PT8H}. */
  private static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9])P[0-9YMWDTHS]+(?![A-Za-z0-9])");

  private Durations() {}

  /** The duration, or null when the text is not one the format allows. */
  public static Duration parse(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = ISO.matcher(text);
    if (!m.matches()) {
      return null;
    }
    try {
      long seconds =
          Math.addExact(
              Math.addExact(
                  Math.multiplyExact(num(m.group(1)), 7 * 86_400L),
                  Math.multiplyExact(num(m.group(2)), 86_400L)),
              Math.addExact(
                  Math.addExact(
                      Math.multiplyExact(num(m.group(3)), 3_600L),
                      Math.multiplyExact(num(m.group(4)), 60L)),
                  num(m.group(5))));
      return Duration.ofSeconds(seconds);
    } catch (ArithmeticException | NumberFormatException e) {
      return null; // absurdly large values are not durations anyone means
    }
  }

  private static long num(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }

  /**
   * A duration in words, as the handbook, {@code sop show} and {@code sop diff} print it: {@code 3
   * days 5 h}, {@code 8 h}, {@code 35 min}, {@code 1 min 30 s}. Never a bare letter unit: in ISO text
   * {@code 35M} is minutes after a T and months before it, and readers take it for months.
   */
  public static String words(Duration d) {
    long s = d.getSeconds();
    List<String> parts = new ArrayList<>();
    long days = s / 86_400;
    long hours = s % 86_400 / 3_600;
    long minutes = s % 3_600 / 60;
    long seconds = s % 60;
    if (days > 0) {
      parts.add(days + (days == 1 ? " day" : " days"));
    }
    if (hours > 0) {
      parts.add(hours + " h");
    }
    if (minutes > 0) {
      parts.add(minutes + " min");
    }
    if (seconds > 0) {
      parts.add(seconds + " s");
    }
    return parts.isEmpty() ? "0 min" : String.join(" ", parts);
  }

  /**
   * ISO text in words: a duration ({@code PT8H} is {@code 8 h}), a calendar period ({@code P6M} is
   * {@code 6 months}, {@code P1Y} {@code 1 year}), or free text with them inside ({@code <= PT8H} is
   * {@code <= 8 h}). Text without ISO durations comes back as it is; null stays null.
   */
  public static String inWords(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = TOKEN.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String words = tokenWords(m.group());
      m.appendReplacement(out, Matcher.quoteReplacement(words == null ? m.group() : words));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String tokenWords(String token) {
    Duration d = parse(token);
    if (d != null) {
      return words(d);
    }
    Matcher m = PERIOD.matcher(token);
    if (!m.matches()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    unit(parts, m.group(1), "year");
    unit(parts, m.group(2), "month");
    unit(parts, m.group(3), "week");
    unit(parts, m.group(4), "day");
    return parts.isEmpty() ? "0 days" : String.join(" ", parts);
  }

  private static void unit(List<String> parts, String group, String unit) {
    if (group == null) {
      return;
    }
    String n = group.replaceFirst("^0+(?=\\d)", "");
    if (!n.equals("0")) {
      parts.add(n + " " + unit + (n.equals("1") ? "" : "s"));
    }
  }
}
