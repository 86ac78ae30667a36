package io.cocogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void alignsColumnsFirstLeftOthersRight() {
    String t = new TextTable("name", "value").row("a", "1.00").row("longer", "123.45").rule().row("total", "124.45")
        .render();
    String[] lines = t.split("\n");
    assertThat(lines).containsExactly(
        "name     value",
        "--------------",
        "a         1.00",
        "longer  123.45",
        "--------------",
        "total   124.45");
  }

  @Test
  void formatsNumbersForReading() {
    assertThat(Fmt.money(1234.567)).isEqualTo("1,234.57");
    assertThat(Fmt.money(-0.0)).isEqualTo("0.00");
    assertThat(Fmt.money(5e-14)).isEqualTo("5.000e-14");
    assertThat(Fmt.samples(12345.4)).isEqualTo("12,345");
    assertThat(Fmt.ratio(Double.NaN)).isEqualTo("n/a");
    assertThat(Fmt.percent(0.123)).isEqualTo("+12.3%");
    assertThat(Fmt.number(0.75)).isEqualTo("0.75");
    assertThat(Fmt.number(0.0)).isEqualTo("0");
  }
}
