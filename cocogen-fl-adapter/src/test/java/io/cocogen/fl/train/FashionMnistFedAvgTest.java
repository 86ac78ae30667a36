package io.cocogen.fl.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocogen.fl.data.Dataset;
import io.cocogen.fl.data.FashionMnist;
import io.cocogen.fl.data.Splits;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * FedAvg on Fashion-MNIST (installed by the Debian package {@code dataset-fashion-mnist}; skipped when
 * absent). Both tests train on a stratified 30,000-row sample of the training set spread IID (Dirichlet
 * alpha 100) over 10 clients, batch 32, 2 threads, and score on the full 10,000-row test set.
 *
 * <ul>
 *   <li>Softmax regression: 15 rounds of 2 local epochs, learning rate 0.05.</li>
 *   <li>MLP with 64 hidden units: 20 rounds of 2 local epochs, learning rate 0.2 decayed by 0.93 per
 *       round (a constant rate stalls at the SGD noise floor, about 0.85).</li>
 * </ul>
 */
@Tag("fashion-mnist")
class FashionMnistFedAvgTest {
  private static FashionMnist.Data data;
  private static List<ClientData> clients;

  @BeforeAll
  static void load() throws IOException {
    Assumptions.assumeTrue(FashionMnist.isAvailable(FashionMnist.DEFAULT_DIR),
        "Fashion-MNIST not installed in " + FashionMnist.DEFAULT_DIR + " (apt-get install dataset-fashion-mnist)");
    data = FashionMnist.load();
    Dataset train = Splits.stratifiedSample(data.train(), 30_000, 1);
    clients = FedAvgDigitsTest.iidClients(train, 10, 2);
  }

  @Test
  void loadsTheOfficialSplits() {
    assertThat(data.train().size()).isEqualTo(60_000);
    assertThat(data.test().size()).isEqualTo(10_000);
    assertThat(data.train().featureDim()).isEqualTo(784);
    assertThat(data.test().labelHistogram()).containsOnly(1000);
    assertThat(clients).hasSize(10);
    assertThat(clients.stream().mapToInt(ClientData::sampleCount).sum()).isEqualTo(30_000);
  }

  @Test
  void softmaxReachesEightyPercent() {
    LocalTrainer trainer = new LocalTrainer(2, 32, 0.05, 0);
    try (FedAvg fed = new FedAvg(new SoftmaxRegression(784, 10), data.test(), trainer, 2, 3)) {
      FedAvg.RoundMetrics last = runLogged("softmax", fed, 15, 1.0);
      // Measured 0.829.
      assertThat(last.testAccuracy()).isGreaterThanOrEqualTo(0.80);
    }
  }

  @Test
  void mlpReachesEightyFivePercent() {
    LocalTrainer trainer = new LocalTrainer(2, 32, 0.2, 0);
    try (FedAvg fed = new FedAvg(new Mlp(784, 64, 10, 7), data.test(), trainer, 2, 3)) {
      FedAvg.RoundMetrics last = runLogged("mlp", fed, 20, 0.93);
      // Measured 0.859.
      assertThat(last.testAccuracy()).isGreaterThanOrEqualTo(0.85);
      assertThat(last.testLoss()).isLessThan(0.45);
    }
  }

  private static FedAvg.RoundMetrics runLogged(String name, FedAvg fed, int rounds, double decay) {
    long start = System.nanoTime();
    FedAvg.RoundMetrics last = null;
    for (int r = 0; r < rounds; r++) {
      LocalTrainer t = fed.trainer().withLearningRate(fed.trainer().learningRate() * Math.pow(decay, r));
      last = fed.runRound(r, clients, t);
    }
    System.out.printf("fashion-mnist %s: %d rounds, test accuracy %.4f, test loss %.4f, %.1f s%n", name, rounds,
        last.testAccuracy(), last.testLoss(), (System.nanoTime() - start) / 1e9);
    return last;
  }
}
