package io.cocogen.cli;

/** The {@code --format} values. */
enum OutputFormat {
  json,
  table
}
