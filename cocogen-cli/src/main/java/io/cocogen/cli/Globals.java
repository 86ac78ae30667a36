package io.cocogen.cli;

/**
 * Process-wide switches set by the global options {@code --verbose} and {@code --quiet}. The command line
 * runs one command per process; {@link Main#run} resets them before parsing.
 */
final class Globals {
  private static volatile boolean verbose;
  private static volatile boolean quiet;

  private Globals() {}

  static void reset() {
    verbose = false;
    quiet = false;
  }

  static boolean verbose() {
    return verbose;
  }

  static boolean quiet() {
    return quiet;
  }

  static void verbose(boolean v) {
    verbose = v;
  }

  static void quiet(boolean q) {
    quiet = q;
  }

  /** Progress bars go to stderr only when it is an interactive terminal and {@code --quiet} is off. */
  static boolean progressEnabled() {
    return !quiet && stderrIsTerminal();
  }

  /**
   * Whether stderr is a terminal. {@code System.console()} is null whenever stdin or stdout is redirected
   * (e.g. {@code cocogen solve x.json > out.json}), so on Linux the target of {@code /proc/self/fd/2} decides;
   * elsewhere the console does.
   */
  static boolean stderrIsTerminal() {
    java.nio.file.Path fd = java.nio.file.Path.of("/proc/self/fd/2");
    try {
      if (java.nio.file.Files.isSymbolicLink(fd)) {
        String target = java.nio.file.Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (java.io.IOException | SecurityException | UnsupportedOperationException e) {
      // Not Linux, or no access: fall back to the console.
    }
    return System.console() != null;
  }
}
