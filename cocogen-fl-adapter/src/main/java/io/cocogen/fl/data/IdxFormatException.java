package io.cocogen.fl.data;

import java.io.IOException;
import java.nio.file.Path;

/** An IDX file that cannot be read as such: names the file and what is wrong with it. */
public class IdxFormatException extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient Path file;

  /** An error about {@code file}; the message starts with the file name. */
  public IdxFormatException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  /** As {@link #IdxFormatException(Path, String)}, keeping the underlying cause. */
  public IdxFormatException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /** The offending file. */
  public Path file() {
    return file;
  }
}
