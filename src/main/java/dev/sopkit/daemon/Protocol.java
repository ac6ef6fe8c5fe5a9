package dev.sopkit.daemon;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client and the daemon say to each other over one connection. The client is bin/sop, a
 * bash script (so that a run through the daemon starts no JVM at all), which is why both sides are
 * text a shell can write and read.
 *
 * <p>A request is NUL-terminated fields: {@link #MAGIC}, the token, the kind ({@code run},
 * {@code status} or {@code stop}), the working directory, whether to colour the output
 * ({@code 1}/{@code 0}), the number of arguments, then the arguments. The answer is one line,
 * {@code sop-daemon EXIT LINES} or {@code sop-daemon refused REASON}, then {@code LINES} lines of
 * the command's stderr, then its stdout until the connection closes.
 */
public final class Protocol {
  public static final String MAGIC = "sop-daemon-1";
  public static final String ANSWER = "sop-daemon";
  /** A request larger than this is not read: no command line is near it. */
  static final int MAX_REQUEST = 1 << 20;
  static final int MAX_ARGS = 10_000;

  private Protocol() {}

  /** What a request asks for. */
  public enum Kind {
    run,
    status,
    stop
  }

  /** One request, as read. */
  public record Request(String token, Kind kind, String workDir, boolean colour, List<String> args) {}

  /** The request is not one the daemon reads: the answer is a refusal saying why. */
  public static final class BadRequest extends Exception {
    BadRequest(String message) {
      super(message);
    }
  }

  /** Writes {@code request} as bin/sop does. */
  public static void write(Request request, OutputStream out) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (String field :
        List.of(
            MAGIC,
            request.token(),
            request.kind().name(),
            request.workDir(),
            request.colour() ? "1" : "0",
            Integer.toString(request.args().size()))) {
      field(b, field);
    }
    for (String arg : request.args()) {
      field(b, arg);
    }
    out.write(b.toByteArray());
    out.flush();
  }

  private static void field(ByteArrayOutputStream b, String s) {
    b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    b.write(0);
  }

  /** Reads one request, never more than {@link #MAX_REQUEST} bytes of it. */
  public static Request read(InputStream in) throws IOException, BadRequest {
    int[] budget = {MAX_REQUEST};
    if (!MAGIC.equals(field(in, budget))) {
      throw new BadRequest("not a " + MAGIC + " request");
    }
    String token = field(in, budget);
    Kind kind;
    try {
      kind = Kind.valueOf(field(in, budget));
    } catch (IllegalArgumentException e) {
      throw new BadRequest("unknown request kind");
    }
    String workDir = field(in, budget);
    String colour = field(in, budget);
    int n;
    try {
      n = Integer.parseInt(field(in, budget));
    } catch (NumberFormatException e) {
      throw new BadRequest("the argument count is not a number");
    }
    if (n < 0 || n > MAX_ARGS) {
      throw new BadRequest("too many arguments");
    }
    List<String> args = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      args.add(field(in, budget));
    }
    return new Request(token, kind, workDir, "1".equals(colour), List.copyOf(args));
  }

  private static String field(InputStream in, int[] budget) throws IOException, BadRequest {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != 0; c = in.read()) {
      if (c < 0) {
        throw new EOFException("the request ended early");
      }
      if (--budget[0] < 0) {
        throw new BadRequest("the request is too large");
      }
      b.write(c);
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  /** The answer to a request that ran: its exit code, its stderr (as whole lines) and its stdout. */
  public static void answer(int exit, String err, byte[] out, OutputStream to) throws IOException {
    String errLines = err.isEmpty() || err.endsWith("\n") ? err : err + "\n";
    long lines = errLines.chars().filter(c -> c == '\n').count();
    to.write((ANSWER + " " + exit + " " + lines + "\n").getBytes(StandardCharsets.UTF_8));
    to.write(errLines.getBytes(StandardCharsets.UTF_8));
    to.write(out);
    to.flush();
  }

  /** The answer to a request the daemon will not run; the client then runs the command itself. */
  public static void refuse(String reason, OutputStream to) throws IOException {
    to.write((ANSWER + " refused " + reason.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8));
    to.flush();
  }

  /** An answer as a Java client reads it. */
  public record Answer(boolean refused, int exit, String err, String out) {}

  /** Reads a whole answer (for {@code sop daemon status|stop} and tests). */
  public static Answer readAnswer(InputStream in) throws IOException {
    String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    int eol = all.indexOf('\n');
    String[] head = (eol < 0 ? all : all.substring(0, eol)).split(" ", 3);
    if (head.length < 3 || !ANSWER.equals(head[0])) {
      throw new IOException("not an answer from the sop daemon");
    }
    if ("refused".equals(head[1])) {
      return new Answer(true, -1, head[2], "");
    }
    int exit;
    int lines;
    try {
      exit = Integer.parseInt(head[1]);
      lines = Integer.parseInt(head[2]);
    } catch (NumberFormatException e) {
      throw new IOException("not an answer from the sop daemon");
    }
    int at = eol + 1;
    for (int i = 0; i < lines; i++) {
      int next = all.indexOf('\n', at);
      if (next < 0) {
        throw new IOException("the daemon's answer ended early");
      }
      at = next + 1;
    }
    return new Answer(false, exit, all.substring(eol + 1, at), all.substring(at));
  }
}
