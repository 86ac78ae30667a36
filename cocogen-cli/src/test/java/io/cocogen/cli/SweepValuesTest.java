package io.cocogen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocogen.api.InvalidModelException;
import org.junit.jupiter.api.Test;

class SweepValuesTest {

  @Test
  void parsesAList() {
    assertThat(SweepCommand.parseValues("0, 0.25,1e-1,3")).containsExactly(0, 0.25, 0.1, 3);
  }

  @Test
  void parsesARange() {
    assertThat(SweepCommand.parseValues("0:1:5")).containsExactly(0, 0.25, 0.5, 0.75, 1);
    assertThat(SweepCommand.parseValues("2:9:1")).containsExactly(2);
  }

  @Test
  void rejectsNonNumbersNamingTheOptionAndTheToken() {
    assertThatThrownBy(() -> SweepCommand.parseValues("0.1,abc"))
        .isInstanceOf(InvalidModelException.class).hasMessageStartingWith("--values = abc:");
    assertThatThrownBy(() -> SweepCommand.parseValues("0.1,NaN"))
        .isInstanceOf(InvalidModelException.class).hasMessageStartingWith("--values = NaN:");
    assertThatThrownBy(() -> SweepCommand.parseValues("1,,2"))
        .isInstanceOf(InvalidModelException.class).hasMessageContaining("(empty)");
    assertThatThrownBy(() -> SweepCommand.parseValues("0:1:0"))
        .isInstanceOf(InvalidModelException.class).hasMessageContaining("COUNT");
    assertThatThrownBy(() -> SweepCommand.parseValues("0:1"))
        .isInstanceOf(InvalidModelException.class).hasMessageContaining("START:END:COUNT");
  }

  @Test
  void unknownParameterNamesTheOption() {
    assertThatThrownBy(() -> SweepCommand.parameter("gamma"))
        .isInstanceOf(InvalidModelException.class).hasMessageStartingWith("--param = gamma:")
        .hasMessageContaining("gammaBar");
    assertThat(SweepCommand.parameter("gamma-bar").key()).isEqualTo("gammaBar");
  }
}
