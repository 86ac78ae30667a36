package io.cocogen.cli;

import io.cocogen.api.InvalidModelException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Exit codes and the one-line error report: {@code 0} success, {@code 2} bad input (the message names the
 * field and the value), {@code 1} internal error. Stack traces only with {@code --verbose}.
 */
final class ExitCodes {
  static final int OK = 0;
  static final int INTERNAL = 1;
  static final int BAD_INPUT = 2;

  private ExitCodes() {}

  /** Exit code for a failure. */
  static int classify(Throwable t) {
    if (t instanceof InvalidModelException) {
      return BAD_INPUT;
    }
    Throwable io = t instanceof UncheckedIOException u ? u.getCause() : t;
    if (io instanceof NoSuchFileException || io instanceof AccessDeniedException
        || io instanceof NotDirectoryException || io instanceof java.nio.file.FileAlreadyExistsException) {
      return BAD_INPUT;
    }
    if (io instanceof FileSystemException) {
      // Read-only file system, not a directory, ...: a path the user gave cannot be used.
      return BAD_INPUT;
    }
    if (io instanceof java.io.FileNotFoundException || io instanceof io.cocogen.fl.data.IdxFormatException) {
      // A data file the user pointed to is missing or is not what it should be.
      return BAD_INPUT;
    }
    return INTERNAL;
  }

  /** The single line reported for {@code t}. */
  static String message(Throwable t) {
    int code = classify(t);
    String text;
    if (t instanceof InvalidModelException) {
      text = t.getMessage();
    } else if (code == BAD_INPUT) {
      Throwable io = t instanceof UncheckedIOException u ? u.getCause() : t;
      text = describe((IOException) io);
    } else {
      String m = t.getMessage();
      text = "internal error: " + t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
    return oneLine(text);
  }

  private static String describe(IOException e) {
    if (e instanceof FileSystemException f) {
      String reason = f instanceof NoSuchFileException ? "no such file or directory"
          : f instanceof AccessDeniedException ? "permission denied"
          : f instanceof NotDirectoryException ? "not a directory"
          : f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
      return "path = " + f.getFile() + ": " + reason;
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  /** Collapses line breaks so an error stays on one line. */
  static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }

  /** Prints the error line (and the stack trace with {@code --verbose}); returns the exit code. */
  static int report(String command, Throwable t, PrintWriter err) {
    int code = classify(t);
    StringBuilder line = new StringBuilder(command).append(": error: ").append(message(t));
    if (code == INTERNAL && !Globals.verbose()) {
      line.append(" (run with --verbose for the stack trace)");
    }
    err.println(line);
    if (Globals.verbose()) {
      t.printStackTrace(err);
    }
    err.flush();
    return code;
  }
}
