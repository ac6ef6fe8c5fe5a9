package dev.sopkit.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sop completion bash|zsh}: a shell completion script for every command and option. */
@Command(
    name = "completion",
    header = "Print a shell completion script for bash or zsh.",
    description = {
      "Print a completion script for bash or zsh: commands, options, rule ids and option values"
          + " complete with TAB."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  source <(sop completion bash)                     try it in this bash session",
      "  sop completion bash > ~/.local/share/bash-completion/completions/sop",
      "  echo 'source <(sop completion zsh)' >> ~/.zshrc   zsh",
      "",
      "'make install' installs both scripts for you."
    })
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin HelpOption help;

  /** The shells with a script. */
  enum Shell {
    bash,
    zsh
  }

  @Parameters(
      index = "0",
      paramLabel = "SHELL",
      description = "The shell: ${COMPLETION-CANDIDATES}.")
  Shell shell;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    // One script serves both shells: picocli's script loads zsh's bash compatibility layer
    // (bashcompinit) itself when zsh sources it. SHELL keeps the usage familiar (gh, kubectl).
    out.print(AutoComplete.bash("sop", spec.root().commandLine()));
    out.flush();
    return ExitCodes.CLEAN;
  }
}
