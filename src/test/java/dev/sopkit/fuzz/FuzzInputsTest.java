package dev.sopkit.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.testing.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Plain test runs replay LoadValidateFuzzTest's committed inputs only; this makes sure there is
 * something real to replay, including every crash the fuzzer has found.
 */
class FuzzInputsTest {
  @Test
  void seedsAndRegressionInputsArePresent() throws IOException {
    Path dir = Resources.path("dev/sopkit/fuzz/LoadValidateFuzzTestInputs/loadAndValidate");
    List<String> names;
    try (Stream<Path> files = Files.list(dir)) {
      names = files.map(p -> p.getFileName().toString()).toList();
    }
    assertTrue(names.stream().filter(n -> n.startsWith("seed-")).count() >= 50, names::toString);
    assertTrue(names.contains("crash-sop-without-id-breaks-did-you-mean"), names::toString);
    assertTrue(names.contains("crash-cr-at-end-of-file-puts-error-past-line-end"), names::toString);
  }
}
