package dev.sopkit.time;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO-8601 durations read as working time: hours, minutes and seconds are working hours, minutes
 * and seconds, and a day ({@code P1D}) is one working day of the calendar ({@link
 * WorkCalendar#dayLength()}); a week is seven such days. On 24/7 this is the elapsed reading.
 */
public final class WorkDurations {
  private static final Pattern ISO =
      Pattern.compile(
          "P(?!$)(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?=\\d)(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?");

  private WorkDurations() {}

  /** Working seconds of {@code text}, or -1 when it is not a duration the format allows. */
  public static long seconds(String text, long dayLength) {
    if (text == null) {
      return -1;
    }
    Matcher m = ISO.matcher(text);
    if (!m.matches()) {
      return -1;
    }
    try {
      long days = Math.addExact(Math.multiplyExact(num(m.group(1)), 7), num(m.group(2)));
      return Math.addExact(
          Math.multiplyExact(days, dayLength),
          Math.addExact(
              Math.addExact(
                  Math.multiplyExact(num(m.group(3)), 3_600L),
                  Math.multiplyExact(num(m.group(4)), 60L)),
              num(m.group(5))));
    } catch (ArithmeticException | NumberFormatException e) {
      return -1; // absurdly large values are not durations anyone means
    }
  }

  private static long num(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }
}
