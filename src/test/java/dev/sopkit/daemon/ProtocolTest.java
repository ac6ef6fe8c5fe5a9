package dev.sopkit.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The requests bin/sop writes and the answers it reads, and the requests the daemon refuses. */
class ProtocolTest {
  private static Protocol.Request read(String raw) throws Exception {
    return Protocol.read(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aRequestAsBinSopWritesItIsRead() throws Exception {
    // printf 'sop-daemon-1\0%s\0run\0%s\0%s\0%s\0' TOKEN CWD COLOUR $# ; printf '%s\0' "$@"
    Protocol.Request r = read("sop-daemon-1\0abc\0run\0/work/my sops\0" + "1\0" + "3\0validate\0--format\0json\0");
    assertEquals("abc", r.token());
    assertEquals(Protocol.Kind.run, r.kind());
    assertEquals("/work/my sops", r.workDir());
    assertTrue(r.colour());
    assertEquals(List.of("validate", "--format", "json"), r.args());
  }

  @Test
  void writingAndReadingARequestGivesItBack() throws Exception {
    Protocol.Request r =
        new Protocol.Request("t0k", Protocol.Kind.status, "/tmp/ü", false, List.of("", "a b", "é\nx"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Protocol.write(r, out);
    assertEquals(r, Protocol.read(new ByteArrayInputStream(out.toByteArray())));
  }

  @Test
  void requestsThatAreNotOursAreRefused() {
    assertThrows(Protocol.BadRequest.class, () -> read("GET / HTTP/1.1\r\n\r\n\0"));
    assertThrows(Protocol.BadRequest.class, () -> read("sop-daemon-1\0t\0format-disk\0/\0" + "0\0" + "0\0"));
    assertThrows(Protocol.BadRequest.class, () -> read("sop-daemon-1\0t\0run\0/\0" + "0\0" + "many\0"));
    assertThrows(Protocol.BadRequest.class, () -> read("sop-daemon-1\0t\0run\0/\0" + "0\0" + "-1\0"));
    assertThrows(Protocol.BadRequest.class, () -> read("sop-daemon-1\0t\0run\0/\0" + "0\0" + "99999999\0"));
    assertThrows(EOFException.class, () -> read("sop-daemon-1\0t\0run\0/\0" + "0\0" + "2\0validate\0"));
  }

  @Test
  void aHugeRequestIsNotReadPastItsLimit() {
    byte[] huge = new byte[Protocol.MAX_REQUEST + 10];
    java.util.Arrays.fill(huge, (byte) 'x');
    Protocol.BadRequest e =
        assertThrows(Protocol.BadRequest.class, () -> Protocol.read(new ByteArrayInputStream(huge)));
    assertTrue(e.getMessage().contains("too large"), e.getMessage());
  }

  @Test
  void anAnswerCarriesTheExitCodeStderrLinesAndStdout() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Protocol.answer(1, "sop: one\nsop: two", "a.yaml:1:1: error [x] y\n".getBytes(StandardCharsets.UTF_8), out);
    String raw = out.toString(StandardCharsets.UTF_8);
    // bin/sop reads the first line, then that many lines of stderr, then stdout to the end.
    assertTrue(raw.startsWith("sop-daemon 1 2\nsop: one\nsop: two\na.yaml"), raw);
    Protocol.Answer a = Protocol.readAnswer(new ByteArrayInputStream(out.toByteArray()));
    assertFalse(a.refused());
    assertEquals(1, a.exit());
    assertEquals("sop: one\nsop: two\n", a.err());
    assertEquals("a.yaml:1:1: error [x] y\n", a.out());

    ByteArrayOutputStream refused = new ByteArrayOutputStream();
    Protocol.refuse("wrong\ntoken", refused);
    assertEquals("sop-daemon refused wrong token\n", refused.toString(StandardCharsets.UTF_8));
    assertTrue(Protocol.readAnswer(new ByteArrayInputStream(refused.toByteArray())).refused());
  }
}
