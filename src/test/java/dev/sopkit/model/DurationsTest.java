package dev.sopkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({
    "PT35M, 35 min",
    "PT8H, 8 h",
    "PT90S, 1 min 30 s",
    "PT1H30M, 1 h 30 min",
    "P1D, 1 day",
    "P3DT5H, 3 days 5 h",
    "P2W, 14 days",
    "PT0M, 0 min",
    "P6M, 6 months",
    "P1Y, 1 year",
    "P1Y6M, 1 year 6 months",
    "P2W, 14 days",
    "P1W, 7 days",
    "P0D, 0 min",
  })
  void isoTextInWords(String iso, String words) {
    assertEquals(words, Durations.inWords(iso));
  }

  @Test
  void monthsAndMinutesNeverShareALetter() {
    assertEquals("35 min", Durations.words(Duration.ofMinutes(35)));
    assertEquals("6 months", Durations.inWords("P6M"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "<= PT8H|<= 8 h",
        "<= P1D|<= 1 day",
        ">= 99.5%|>= 99.5%",
        "every P6M, or sooner|every 6 months, or sooner",
        "PTX stays|PTX stays",
        "APT8H is a word|APT8H is a word",
        "P|P",
      })
  void isoInsideTextBecomesWordsAndOtherTextStays(String text, String words) {
    assertEquals(words, Durations.inWords(text));
  }

  @Test
  void nullStaysNull() {
    assertNull(Durations.inWords(null));
  }
}
