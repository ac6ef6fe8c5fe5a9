package dev.sopkit.load;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Differential fuzzing of {@link SimpleYamlReader}: arbitrary bytes are read with and without it,
 * and any difference (accepted or refused, tree, node classes, field order, a position) fails. The
 * seeds are SOPs, so mutation starts inside the subset the reader handles and probes its edges.
 *
 * <p>Plain test runs ({@code make test}) replay the committed inputs in
 * {@code src/test/resources/dev/sopkit/load/SimpleYamlReaderFuzzTestInputs/readsAsSnakeyamlDoes/}:
 * seeds, and every difference the fuzzer found, each fixed. {@code make fuzz
 * FUZZ_TEST=SimpleYamlReaderFuzzTest} mutates them.
 */
class SimpleYamlReaderFuzzTest {
  @FuzzTest(maxDuration = "10s")
  @DictionaryFile(resourcePath = "simple-yaml.dict")
  void readsAsSnakeyamlDoes(byte[] data) {
    ReadBothWays.compare("fuzz.yaml", data);
  }
}
