package dev.sopkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Dates.parse gives what LocalDate.parse gives, and refuses what it refuses. */
class DatesTest {
  @Test
  void theUsualShapeIsReadLikeLocalDateParse() {
    assertEquals(LocalDate.of(2026, 11, 22), Dates.parse("2026-11-22"));
    assertEquals(LocalDate.of(2024, 2, 29), Dates.parse("2024-02-29"));
    assertEquals(LocalDate.parse("0000-01-01"), Dates.parse("0000-01-01"));
  }

  @Test
  void unrealDatesAndOtherShapesAreRefused() {
    for (String bad : new String[] {"2026-02-30", "2026-13-01", "2026-00-10", "2025-02-29", "2026-1-01",
        "2026-11-22 ", "2026/11/22", "20261122", "", "２０２６-11-22", "2026-11-2x"}) {
      assertThrows(DateTimeException.class, () -> Dates.parse(bad), bad);
    }
  }

  @Test
  void agreesWithLocalDateParseOnRandomTexts() {
    Random r = new Random(7);
    String alphabet = "0123456789-+ x";
    for (int i = 0; i < 200_000; i++) {
      StringBuilder s = new StringBuilder();
      int n = 8 + r.nextInt(4);
      for (int j = 0; j < n; j++) {
        // mostly digits where ISO puts them, so that many texts are real dates
        s.append(j == 4 || j == 7 ? (r.nextInt(20) == 0 ? 'x' : '-') : alphabet.charAt(r.nextInt(r.nextInt(8) == 0 ? alphabet.length() : 10)));
      }
      String text = s.toString();
      LocalDate expected;
      try {
        expected = LocalDate.parse(text);
      } catch (DateTimeException e) {
        assertThrows(DateTimeException.class, () -> Dates.parse(text), text);
        continue;
      }
      assertEquals(expected, Dates.parse(text), text);
    }
  }
}
