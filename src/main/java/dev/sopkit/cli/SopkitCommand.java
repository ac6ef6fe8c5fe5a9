package dev.sopkit.cli;

import dev.sopkit.cache.Resident;
import dev.sopkit.diag.Text;
import dev.sopkit.render.RenderException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code sop} command: subcommands do the work; alone it prints help. */
@Command(
    name = "sop",
    mixinStandardHelpOptions = true,
    versionProvider = SopkitCommand.Version.class,
    description = "SOP-as-code: validate, cross-check and render standard operating procedures.",
    subcommands = {
      ValidateCommand.class,
      RenderCommand.class,
      DiffCommand.class,
      GraphCommand.class,
      InitCommand.class,
      NewCommand.class,
      ListCommand.class,
      ShowCommand.class,
      TestCommand.class,
      SchemaCommand.class,
      ExplainCommand.class,
      CompletionCommand.class,
      DaemonCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {"", "Exit codes: 0 clean, 1 findings, 2 usage or input problem, 3 internal error."})
public final class SopkitCommand implements Runnable {
  @Spec CommandSpec spec;

  private final Path workDir;
  private final Resident resident;
  private ProjectConfig config;

  /** For tools that build the command from its class (man pages, completion scripts). */
  public SopkitCommand() {
    this(Path.of("").toAbsolutePath());
  }

  public SopkitCommand(Path workDir) {
    this(workDir, null);
  }

  private SopkitCommand(Path workDir, Resident resident) {
    this.workDir = workDir;
    this.resident = resident;
  }

  /** The results the daemon holds between runs, or null in a run of its own. */
  Resident resident() {
    return resident;
  }

  /** The directory that relative paths are resolved against and shown relative to. */
  Path workDir() {
    return workDir;
  }

  /** The project config in force, or null when there is none. */
  ProjectConfig config() {
    return config;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    dev.sopkit.check.Timings.start();
    dev.sopkit.check.WarmUp.start(args);
    System.exit(commandLine(Path.of("").toAbsolutePath()).execute(args));
  }

  /** A configured command line; tests pass their own working directory and writers. */
  public static CommandLine commandLine(Path workDir) {
    return commandLine(workDir, null);
  }

  /** A command line for a run in the daemon, which checks files through {@code resident}. */
  static CommandLine commandLine(Path workDir, Resident resident) {
    CommandLine cl = new CommandLine(new SopkitCommand(workDir, resident));
    cl.setExecutionExceptionHandler(SopkitCommand::handle);
    exitCodes(cl);
    useProjectConfig(cl, workDir);
    return cl;
  }

  /**
   * Every command at every depth (render has its own subcommands) maps errors the same way, and
   * its one-line header (what {@code sop --help} lists) stands apart from its usage.
   */
  private static void exitCodes(CommandLine cl) {
    cl.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
    cl.getCommandSpec().exitCodeOnExecutionException(ExitCodes.INTERNAL);
    if (cl.getCommandSpec().usageMessage().header().length > 0) {
      cl.getCommandSpec().usageMessage().synopsisHeading("%nUsage: ");
    }
    cl.getSubcommands().values().forEach(SopkitCommand::exitCodes);
  }

  /**
   * Takes option defaults from {@code .sop.yaml}. A broken config stops every command except help
   * and version (which must always work), with the config's own located message.
   */
  private static void useProjectConfig(CommandLine cl, Path workDir) {
    UserException problem = null;
    try {
      ProjectConfig config = ProjectConfig.find(workDir, cl.getCommandSpec());
      if (config != null) {
        ((SopkitCommand) cl.getCommand()).config = config;
        cl.setDefaultValueProvider(config);
      }
    } catch (UserException e) {
      problem = e;
    } catch (java.io.IOException e) {
      problem = new UserException("cannot read " + ProjectConfig.FILE + ": " + e.getMessage());
    }
    UserException configProblem = problem;
    // A broken config explains a parse error too (a typo there can leave an option unset).
    CommandLine.IParameterExceptionHandler parseErrors = new UsageErrors();
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          if (configProblem == null) {
            return parseErrors.handleParseException(ex, args);
          }
          cl.getErr().println("sop: " + configProblem.getMessage());
          cl.getErr().flush();
          return ExitCodes.USAGE;
        });
    cl.setExecutionStrategy(
        parsed -> {
          Integer help = CommandLine.executeHelpRequest(parsed);
          if (help != null) {
            return help;
          }
          if (configProblem != null) {
            PrintWriter err = cl.getErr();
            err.println("sop: " + configProblem.getMessage());
            err.flush();
            return ExitCodes.USAGE;
          }
          return new CommandLine.RunLast().execute(parsed);
        });
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof UserException || e instanceof RenderException) {
      err.println("sop: " + Text.printable(e.getMessage()));
      err.flush();
      return ExitCodes.USAGE;
    }
    err.println(
        "sop: internal error: "
            + Text.printable(String.valueOf(e))
            + "\nThis is a bug in sop. Please report it with the command you ran"
            + " (run again with --verbose for the stack trace).");
    if (parsed.originalArgs().contains("--verbose")) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.INTERNAL;
  }

  /** The version from the jar manifest, written there by the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"sop " + About.version()};
    }
  }
}
