package dev.sopkit.cli;

import dev.sopkit.diag.DidYouMean;
import dev.sopkit.diag.Text;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Usage errors in one voice, as gh and kubectl print them: {@code sop: <what is wrong>} on one
 * line, a suggestion when the word is a likely typo, then where to read more. The full help is not
 * dumped: it pushes the one line that matters off the screen.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
  private static final Pattern UNKNOWN_SUBCOMMAND = Pattern.compile("Unknown subcommand '(.*)'\\.?");

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("sop: " + Text.printable(message(ex)));
    err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCodes.USAGE;
  }

  /** Picocli's message, lower-cased as a continuation of "sop: ", with a did-you-mean. */
  static String message(ParameterException ex) {
    if (ex instanceof UnmatchedArgumentException u) {
      return unmatched(u);
    }
    ArgSpec arg = ex.getArgSpec();
    String value = ex.getValue();
    if (arg != null && value != null && arg.completionCandidates() != null) {
      List<String> names = new ArrayList<>();
      arg.completionCandidates().forEach(names::add);
      String what = arg.isOption() ? ((OptionSpec) arg).longestName() : arg.paramLabel();
      return "invalid value '" + value + "' for " + what + ": expected one of "
          + String.join(", ", names) + DidYouMean.hint(value, names);
    }
    // `sop help valdate`: picocli's help command names no candidates itself
    Matcher unknown = UNKNOWN_SUBCOMMAND.matcher(String.valueOf(ex.getMessage()));
    if (unknown.matches()) {
      String word = unknown.group(1);
      return "unknown command '" + word + "' for '" + ex.getCommandLine().getCommandSpec()
          .qualifiedName() + "'" + DidYouMean.hint(word, ex.getCommandLine().getSubcommands()
          .keySet());
    }
    return lowerFirst(ex.getMessage());
  }

  private static String unmatched(UnmatchedArgumentException u) {
    List<String> words = u.getUnmatched();
    String word = words.isEmpty() ? "" : words.get(0);
    CommandLine cl = u.getCommandLine();
    List<String> suggestions = u.getSuggestions();
    String hint = suggestions.isEmpty() ? "" : " (did you mean '" + suggestions.get(0) + "'?)";
    if (word.startsWith("-")) {
      return "unknown option '" + word + "'" + hint;
    }
    if (!cl.getSubcommands().isEmpty() && cl.getCommandSpec().positionalParameters().isEmpty()) {
      return "unknown command '" + word + "' for '" + cl.getCommandSpec().qualifiedName() + "'"
          + hint;
    }
    return "unexpected argument '" + word + "'" + hint;
  }

  private static String lowerFirst(String s) {
    if (s == null || s.isEmpty()) {
      return "invalid usage";
    }
    // keep "ROOT" or "'--format'" as they are; only a capitalised first word is lowered
    String t = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    if (t.length() > 1 && Character.isUpperCase(t.charAt(0)) && Character.isLowerCase(t.charAt(1))) {
      return t.substring(0, 1).toLowerCase(Locale.ROOT) + t.substring(1);
    }
    return t;
  }
}
