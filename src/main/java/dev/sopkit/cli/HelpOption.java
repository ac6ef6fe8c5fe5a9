package dev.sopkit.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h, --help} for subcommands. The version belongs to the tool, not to a command, so only
 * {@code sop} itself offers {@code -V, --version} (as gh and kubectl do).
 */
final class HelpOption {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;
}
