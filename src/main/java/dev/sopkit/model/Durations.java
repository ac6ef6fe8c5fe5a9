package dev.sopkit.model;

import java.time.Duration;
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

  /** Compact human form used in messages: 6D1H, 2H30M, 0M. */
  public static String format(Duration d) {
    long s = d.getSeconds();
    StringBuilder out = new StringBuilder();
    long days = s / 86_400;
    long hours = (s % 86_400) / 3_600;
    long minutes = (s % 3_600) / 60;
    long seconds = s % 60;
    if (days > 0) {
      out.append(days).append('D');
    }
    if (hours > 0) {
      out.append(hours).append('H');
    }
    if (minutes > 0) {
      out.append(minutes).append('M');
    }
    if (seconds > 0) {
      out.append(seconds).append('S');
    }
    return out.length() == 0 ? "0M" : out.toString();
  }
}
