package io.cocogen.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocogen.api.BruteForce;
import io.cocogen.api.RoundGame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every file in {@code docs/examples} decodes, is a potential game with interior choices, and round-trips. */
class ExampleScenariosTest {
  static final ScenarioCodec CODEC = new ScenarioCodec();

  static Path examples() {
    // Surefire runs in the module directory; the docs live next to it.
    Path base = Path.of(System.getProperty("basedir", "."));
    return base.toAbsolutePath().resolve("../docs/examples").normalize();
  }

  static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(examples())) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void everyExampleDecodesAndRoundTrips() throws IOException {
    List<Path> files = files();
    assertThat(files).extracting(p -> p.getFileName().toString())
        .contains("hospitals.json", "banks-dense.json", "uniform-small.json");
    for (Path file : files) {
      RoundGame game = CODEC.read(file);
      assertThat(game.isPotentialGame()).as("%s: every w_i > 0, dominated %s", file, game.dominatedIds()).isTrue();
      ScenarioCodecRoundTripTest.assertSameGame(CODEC.read(CODEC.write(game)), game);

      // The unconstrained equilibrium has someone choosing strictly inside the box: costs are not trivial.
      RoundGame free = game.toBuilder().budget(Double.POSITIVE_INFINITY).build();
      double[] s = BruteForce.equilibrium(free);
      double[] cap = game.capacity();
      long interior = java.util.stream.IntStream.range(0, s.length)
          .filter(i -> s[i] > 1e-3 * cap[i] && s[i] < (1 - 1e-3) * cap[i]).count();
      assertThat(interior).as("%s: organizations with an interior equilibrium choice", file).isPositive();
    }
  }

  @Test
  void theSchemaPageExampleIsValid() throws IOException {
    String page = Files.readString(examples().resolve("../scenario-schema.md"));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("```json\\n(.*?)```", java.util.regex.Pattern.DOTALL)
        .matcher(page);
    int blocks = 0;
    while (m.find()) {
      RoundGame game = CODEC.read(m.group(1));
      assertThat(game.isPotentialGame()).isTrue();
      ScenarioCodecRoundTripTest.assertSameGame(CODEC.read(CODEC.write(game)), game);
      blocks++;
    }
    assertThat(blocks).isPositive();
  }

  @Test
  void examplesShowWhatTheirNamesSay() {
    RoundGame hospitals = CODEC.read(examples().resolve("hospitals.json"));
    assertThat(hospitals.size()).isEqualTo(5);
    assertThat(hospitals.competition().kind()).isEqualTo("segments");
    assertThat(hospitals.federation().organizations()).allSatisfy(o -> assertThat(o.labelHistogram()).hasSize(10));
    assertThat(hospitals.hasBudget()).isTrue();

    RoundGame banks = CODEC.read(examples().resolve("banks-dense.json"));
    assertThat(banks.size()).isEqualTo(4);
    assertThat(banks.competition().kind()).isEqualTo("dense");
    assertThat(banks.theta()).isEqualTo(1.0);

    RoundGame retail = CODEC.read(examples().resolve("uniform-small.json"));
    assertThat(retail.size()).isEqualTo(8);
    assertThat(retail.competition()).isEqualTo(io.cocogen.api.Competition.uniform(0.3));
  }
}
