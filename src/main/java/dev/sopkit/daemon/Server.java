package dev.sopkit.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The resident process behind {@code sop daemon start}: it keeps the JVM, its compiled code and the
 * checked files between runs of {@code sop validate}, so that a run costs what changed and the
 * cross-file rules, not a JVM start. One request at a time, in the order they come; it stops after
 * an idle period, on {@code sop daemon stop}, and as soon as the jar it runs was replaced (a
 * rebuilt or upgraded sop must not answer with yesterday's code).
 */
public final class Server {
  /** The commands the daemon runs; any other is refused, and the client runs it itself. */
  static final Set<String> COMMANDS = Set.of("validate");
  /**
   * How often an idle daemon checks that its state file still names it: when two were started at
   * once, the one whose file was overwritten can never be reached, and stops.
   */
  private static final Duration LOOK_AROUND = Duration.ofSeconds(30);
  /** How long a client may take to send its request. */
  private static final int REQUEST_TIMEOUT_MS = 10_000;

  /** Runs one command line as {@code sop} would, in {@code workDir}; its exit code. */
  @FunctionalInterface
  public interface Runner {
    int run(Path workDir, boolean colour, List<String> args, PrintWriter out, PrintWriter err);
  }

  private final Path dir;
  private final Path jar;
  private final String jarStamp;
  private final Runner runner;
  private final Duration idle;
  private final Duration lookAround;
  private final String token;
  private final long started = System.currentTimeMillis();
  private int runs;
  private ServerSocket socket;
  private StateFile state;

  public Server(Path dir, Path jar, Runner runner, Duration idle) throws IOException {
    this(dir, jar, runner, idle, LOOK_AROUND);
  }

  Server(Path dir, Path jar, Runner runner, Duration idle, Duration lookAround) throws IOException {
    this.lookAround = lookAround;
    this.dir = StateFile.secure(dir);
    this.jar = jar;
    this.jarStamp = stamp(jar);
    this.runner = runner;
    this.idle = idle;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.token = HexFormat.of().formatHex(secret);
  }

  /** Size and modification time: a jar rebuilt in place differs in one or the other. */
  private static String stamp(Path jar) throws IOException {
    return Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toMillis();
  }

  /** Listens on a free loopback port, writes the state file and serves until told to stop. */
  public void serve() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    state = new StateFile(socket.getLocalPort(), token, ProcessHandle.current().pid(), jar.toString());
    try (ServerSocket s = socket) {
      state.write(dir);
      s.setSoTimeout((int) Math.min(idle.toMillis(), lookAround.toMillis()));
      long lastRequest = System.currentTimeMillis();
      while (true) {
        Socket client;
        try {
          client = s.accept();
        } catch (SocketTimeoutException e) {
          StateFile now = StateFile.read(dir);
          if (now == null || !now.token().equals(token)
              || System.currentTimeMillis() - lastRequest >= idle.toMillis()) {
            return; // idle for the whole period, or another daemon took over the state file
          }
          continue;
        }
        lastRequest = System.currentTimeMillis();
        try (Socket c = client) {
          if (!handle(c)) {
            return;
          }
        } catch (IOException e) {
          // the client went away mid-answer; the next one is served as usual
        }
      }
    } finally {
      state.remove(dir);
    }
  }

  /** Serves one connection; false when the daemon should stop. */
  private boolean handle(Socket c) throws IOException {
    c.setSoTimeout(REQUEST_TIMEOUT_MS);
    InputStream in = c.getInputStream();
    OutputStream out = c.getOutputStream();
    Protocol.Request request;
    try {
      request = Protocol.read(in);
    } catch (Protocol.BadRequest e) {
      Protocol.refuse(e.getMessage(), out);
      return true;
    } catch (SocketTimeoutException e) {
      return true;
    }
    if (!MessageDigest.isEqual(
        request.token().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      Protocol.refuse("wrong token", out);
      return true;
    }
    if (!jarStamp.equals(stampOrNone())) {
      Protocol.refuse("sop was rebuilt or upgraded since the daemon started; it stops", out);
      return false;
    }
    switch (request.kind()) {
      case stop -> {
        Protocol.answer(0, "", "stopped\n".getBytes(StandardCharsets.UTF_8), out);
        return false;
      }
      case status -> {
        Protocol.answer(0, "", status().getBytes(StandardCharsets.UTF_8), out);
        return true;
      }
      case run -> {
        run(request, out);
        return true;
      }
      default -> throw new IllegalStateException(request.kind().name());
    }
  }

  private String stampOrNone() {
    try {
      return stamp(jar);
    } catch (IOException e) {
      return "gone";
    }
  }

  private void run(Protocol.Request request, OutputStream to) throws IOException {
    List<String> args = request.args();
    if (args.isEmpty() || !COMMANDS.contains(args.get(0))) {
      Protocol.refuse("the daemon runs only " + String.join(", ", COMMANDS), to);
      return;
    }
    Path workDir = Path.of(request.workDir());
    if (!workDir.isAbsolute() || !Files.isDirectory(workDir)) {
      Protocol.refuse("the working directory is not an absolute path to a folder", to);
      return;
    }
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(outBytes, StandardCharsets.UTF_8));
    int exit = runner.run(workDir, request.colour(), args, out, new PrintWriter(err));
    out.flush();
    runs++;
    Protocol.answer(exit, err.toString(), outBytes.toByteArray(), to);
  }

  private String status() {
    Runtime rt = Runtime.getRuntime();
    long minutes = (System.currentTimeMillis() - started) / 60_000;
    return "pid " + ProcessHandle.current().pid()
        + ", port " + socket.getLocalPort()
        + ", up " + minutes + " min"
        + ", " + runs + (runs == 1 ? " run" : " runs")
        + ", " + (rt.totalMemory() - rt.freeMemory()) / (1 << 20) + " MB in use"
        + ", stops after " + idle.toMinutes() + " min idle"
        + ", jar " + jar + "\n";
  }
}
