package dev.sopkit.cli;

import dev.sopkit.cache.Resident;
import dev.sopkit.watch.Watches;
import dev.sopkit.check.Timings;
import dev.sopkit.daemon.Client;
import dev.sopkit.daemon.Protocol;
import dev.sopkit.daemon.Server;
import dev.sopkit.daemon.StateFile;
import dev.sopkit.diag.Text;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sop daemon start|stop|status}: a resident process that {@code sop validate} runs through
 * (as Gradle's daemon or eslint_d), so that a run in an editor or a pre-commit hook costs what
 * changed and the cross-file rules, not a JVM start and the reading of every file.
 */
@Command(
    name = "daemon",
    header = "Keep sop running between validations, for fast repeated runs.",
    description = {
      "Start, stop or show a resident sop process for this user. While it runs, `sop validate`"
          + " (through bin/sop) is answered by it: the JVM is already started, its code compiled,"
          + " and the files that did not change since its last run are not read again into the"
          + " model. The cross-file rules still run on the whole model every time, and the"
          + " findings are the same as without it.",
      "It stops on `sop daemon stop`, after an idle period, and as soon as sop is rebuilt or"
          + " upgraded. SOP_DAEMON=0 runs a command without it."
    },
    subcommands = {
      DaemonCommand.Start.class,
      DaemonCommand.Stop.class,
      DaemonCommand.Status.class,
      DaemonCommand.Serve.class
    },
    footer = {
      "",
      "Examples:",
      "  sop daemon start           start it (stops after 3 hours idle)",
      "  sop daemon start --idle 30m",
      "  sop daemon status",
      "  sop daemon stop",
      "",
      "Exit codes: 0 done, 1 no daemon is running (status), 2 usage or input problem,",
      "3 internal error."
    })
final class DaemonCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin HelpOption help;

  /** How long a status or stop request may wait for the daemon (it may be finishing a run). */
  private static final int ANSWER_TIMEOUT_MS = 120_000;
  private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([smh])");

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "daemon what? give a subcommand: start, stop or status");
  }

  /** Asks the daemon of {@code dir} for its status or to stop; null when none answers. */
  static Protocol.Answer ask(Path dir, Protocol.Kind kind) {
    return Client.send(dir, kind, Path.of("/"), List.of(), ANSWER_TIMEOUT_MS);
  }

  static Path stateDir() {
    return StateFile.dir(System.getenv());
  }

  /** {@code 90s}, {@code 30m}, {@code 3h}. */
  static Duration duration(String text, CommandLine cl) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new ParameterException(
          cl, "--idle: '" + Text.printable(text) + "' is not a duration such as 90s, 30m or 3h");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  /** The jar this sop runs from: the daemon runs the same one. */
  static Path jar() {
    String cp = System.getProperty("java.class.path", "");
    Path jar = cp.contains(File.pathSeparator) || cp.isEmpty() ? null : Path.of(cp).toAbsolutePath();
    if (jar == null || !Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
      throw new UserException(
          "sop daemon runs sop's jar, and this sop runs from classes (" + Text.printable(cp)
              + "); run it through bin/sop");
    }
    return jar;
  }

  @Command(
      name = "start",
      header = "Start the daemon (if it is not running yet).",
      description = "Start the daemon in the background; it serves every project of this user.")
  static final class Start implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin HelpOption help;

    @Option(
        names = "--idle",
        paramLabel = "TIME",
        description = "Stop after this long without a request: 90s, 30m, 3h (default: ${DEFAULT-VALUE}).",
        defaultValue = "3h")
    String idle;

    private static final long START_TIMEOUT_MS = 30_000;

    @Override
    public Integer call() throws IOException, InterruptedException {
      Duration idleFor = duration(idle, spec.commandLine());
      PrintWriter out = spec.commandLine().getOut();
      Path dir = secureDir();
      Path jar = jar();
      Protocol.Answer running = ask(dir, Protocol.Kind.status);
      if (running != null && !running.refused()) {
        StateFile state = StateFile.read(dir);
        if (state != null && state.jar().equals(jar.toString())) {
          out.println("sop: the daemon is already running: " + running.out().strip());
          out.flush();
          return ExitCodes.CLEAN;
        }
        // One daemon per user: one of another sop (another jar) makes way for this one.
        ask(dir, Protocol.Kind.stop);
      }
      List<String> cmd = new ArrayList<>();
      // A session of its own, so that closing the terminal that started it does not stop it.
      if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
        cmd.add("/usr/bin/setsid");
      }
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      // A long-lived process: both compilers (unlike bin/sop's C1 only), and no hanging on when
      // memory runs out (a client then runs the command itself).
      cmd.addAll(List.of("-XX:+UseParallelGC", "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError"));
      cmd.addAll(List.of("-cp", jar.toString(), SopkitCommand.class.getName(), "daemon", "serve"));
      cmd.addAll(List.of("--idle", idleFor.toSeconds() + "s"));
      StateFile before = StateFile.read(dir);
      Path log = dir.resolve("daemon.log");
      Process p =
          new ProcessBuilder(cmd)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectErrorStream(true)
              .start();
      long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
      while (System.currentTimeMillis() < deadline) {
        StateFile now = StateFile.read(dir);
        if (now != null && (before == null || !now.token().equals(before.token()))) {
          out.println(
              "sop: daemon started (pid " + now.pid() + "); sop validate runs through it until"
                  + " `sop daemon stop`, or after " + idle + " without a run");
          out.flush();
          return ExitCodes.CLEAN;
        }
        if (!p.isAlive()) {
          throw new UserException("the daemon did not start (exit " + p.exitValue() + "); see " + log);
        }
        Thread.sleep(50);
      }
      p.destroy();
      throw new UserException("the daemon did not start within 30 s; see " + log);
    }
  }

  static Path secureDir() {
    Path dir = stateDir();
    try {
      return StateFile.secure(dir);
    } catch (IOException e) {
      throw new UserException("cannot use " + dir + " for the daemon's state: " + e.getMessage());
    }
  }

  @Command(name = "stop", header = "Stop the daemon.", description = "Stop the daemon, after the run it is doing.")
  static final class Stop implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin HelpOption help;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Protocol.Answer a = ask(stateDir(), Protocol.Kind.stop);
      out.println(
          a == null
              ? "sop: no daemon is running"
              : a.refused() ? "sop: the daemon refused: " + a.err() : "sop: daemon stopped");
      out.flush();
      return ExitCodes.CLEAN;
    }
  }

  @Command(
      name = "status",
      header = "Show whether the daemon runs.",
      description = "Show whether the daemon runs: its pid, port, runs served, memory and jar.")
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin HelpOption help;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Protocol.Answer a = ask(stateDir(), Protocol.Kind.status);
      if (a == null || a.refused()) {
        out.println("sop: no daemon is running");
        out.flush();
        return ExitCodes.FINDINGS;
      }
      out.println("sop: daemon running: " + a.out().strip());
      out.flush();
      return ExitCodes.CLEAN;
    }
  }

  /** Runs a client's command line in the daemon, as {@code sop} would in the client's folder. */
  static Server.Runner runner(Resident resident) {
    return (workDir, colour, args, out, err) -> {
      Timings.startInDaemon();
      CommandLine cl = SopkitCommand.commandLine(workDir, resident);
      cl.setOut(out);
      cl.setErr(err);
      try {
        return Terminal.forClient(colour, () -> cl.execute(args.toArray(String[]::new)));
      } catch (RuntimeException | StackOverflowError e) {
        // picocli maps what a command throws; this is what escapes it, and must not stop the daemon
        err.println("sop: internal error in the daemon: " + Text.printable(String.valueOf(e)));
        err.flush();
        return ExitCodes.INTERNAL;
      }
    };
  }

  /** The daemon itself, as {@code start} runs it; not for users. */
  @Command(
      name = "serve",
      hidden = true,
      header = "Run the daemon in the foreground (what start runs).",
      description = "Run the daemon in the foreground (what start runs).")
  static final class Serve implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin HelpOption help;

    @Option(names = "--idle", paramLabel = "TIME", defaultValue = "3h")
    String idle;

    @Override
    public Integer call() throws IOException {
      Path dir = secureDir();
      try (Watches watches = new Watches(dir.resolve("watch"))) {
        new Server(dir, jar(), runner(new Resident(watches)), duration(idle, spec.commandLine())).serve();
      }
      spec.commandLine().getOut().println("sop: daemon " + ProcessHandle.current().pid() + " stopped");
      spec.commandLine().getOut().flush();
      return ExitCodes.CLEAN;
    }
  }
}
