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
 * Plain test runs replay the fuzz targets' committed inputs only; this makes sure there is
 * something real to replay, including every crash or difference the fuzzers have found. (Jazzer
 * finds the inputs by class and method name: a rename would silently leave nothing to replay.)
 */
class FuzzInputsTest {
  @Test
  void seedsAndRegressionInputsArePresent() throws IOException {
    List<String> names = inputs("dev/sopkit/fuzz/LoadValidateFuzzTestInputs/loadAndValidate");
    assertTrue(names.stream().filter(n -> n.startsWith("seed-")).count() >= 50, names::toString);
    assertTrue(names.contains("crash-sop-without-id-breaks-did-you-mean"), names::toString);
    assertTrue(names.contains("crash-cr-at-end-of-file-puts-error-past-line-end"), names::toString);
  }

  @Test
  void simpleYamlReaderSeedsAndRegressionInputsArePresent() throws IOException {
    List<String> names = inputs("dev/sopkit/load/SimpleYamlReaderFuzzTestInputs/readsAsSnakeyamlDoes");
    assertTrue(names.stream().filter(n -> n.startsWith("seed-sops-")).count() >= 30, names::toString);
    assertTrue(names.contains("diff-key-longer-than-1024-characters"), names::toString);
  }

  private static List<String> inputs(String resource) throws IOException {
    try (Stream<Path> files = Files.list(Resources.path(resource))) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
