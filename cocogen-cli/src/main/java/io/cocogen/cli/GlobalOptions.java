package io.cocogen.cli;

import picocli.CommandLine.Option;

/**
 * {@code --verbose} and {@code --quiet}, mixed into the top-level command and every subcommand so they
 * are accepted before or after the subcommand name.
 */
public final class GlobalOptions {

  @Option(names = "--verbose", description = "Print the stack trace with an error message.")
  void setVerbose(boolean v) {
    if (v) {
      Globals.verbose(true);
    }
  }

  @Option(names = "--quiet", description = "No progress bars and no notes on stderr.")
  void setQuiet(boolean q) {
    if (q) {
      Globals.quiet(true);
    }
  }
}
