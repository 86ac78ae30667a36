package io.cocogen.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with aligned columns: the first column left-aligned, the others right-aligned, two
 * spaces between columns, a rule under the header, optional rules between row groups.
 */
final class TextTable {
  private final String[] headers;
  private final List<String[]> rows = new ArrayList<>();
  private final boolean[] leftAligned;

  TextTable(String... headers) {
    this.headers = headers.clone();
    this.leftAligned = new boolean[headers.length];
    if (headers.length > 0) {
      leftAligned[0] = true;
    }
  }

  /** Left-aligns column {@code c} (text columns). */
  TextTable left(int c) {
    leftAligned[c] = true;
    return this;
  }

  /** Adds a row; it must have one cell per column. */
  TextTable row(String... cells) {
    if (cells.length != headers.length) {
      throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + headers.length
          + " columns");
    }
    rows.add(cells.clone());
    return this;
  }

  /** Adds a horizontal rule (e.g. before a totals row). */
  TextTable rule() {
    rows.add(null);
    return this;
  }

  String render() {
    int[] width = new int[headers.length];
    for (int c = 0; c < headers.length; c++) {
      width[c] = headers[c].length();
    }
    for (String[] r : rows) {
      if (r != null) {
        for (int c = 0; c < r.length; c++) {
          width[c] = Math.max(width[c], r[c].length());
        }
      }
    }
    StringBuilder b = new StringBuilder();
    line(b, headers, width);
    ruleLine(b, width);
    for (String[] r : rows) {
      if (r == null) {
        ruleLine(b, width);
      } else {
        line(b, r, width);
      }
    }
    return b.toString();
  }

  private void line(StringBuilder b, String[] cells, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        l.append("  ");
      }
      String s = cells[c];
      int pad = width[c] - s.length();
      if (leftAligned[c]) {
        l.append(s).append(" ".repeat(pad));
      } else {
        l.append(" ".repeat(pad)).append(s);
      }
    }
    b.append(l.toString().stripTrailing()).append('\n');
  }

  private static void ruleLine(StringBuilder b, int[] width) {
    int total = 0;
    for (int w : width) {
      total += w;
    }
    total += 2 * (width.length - 1);
    b.append("-".repeat(total)).append('\n');
  }
}
