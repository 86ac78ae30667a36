package io.cocogen.fl.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocogen.fl.data.Dataset;
import io.cocogen.fl.data.DigitsLoader;
import io.cocogen.fl.data.DirichletPartitioner;
import io.cocogen.fl.data.Splits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * FedAvg on the embedded digits: 75/25 stratified split, training part spread IID (Dirichlet alpha 100)
 * over 5 clients, 20 rounds of 2 local epochs, batch 32, learning rate 0.5.
 */
class FedAvgDigitsTest {
  private static final Splits.TrainTest SPLIT = Splits.trainTest(DigitsLoader.load(), 0.25, 1);
  private static final LocalTrainer TRAINER = new LocalTrainer(2, 32, 0.5, 0);

  static List<ClientData> iidClients(Dataset train, int n, long seed) {
    List<Dataset> parts = new DirichletPartitioner(n, 100, 10).partition(train, seed);
    List<ClientData> clients = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      clients.add(ClientData.realOnly(i, parts.get(i)));
    }
    return clients;
  }

  @Test
  void softmaxReachesNinetyTwoPercent() {
    List<ClientData> clients = iidClients(SPLIT.train(), 5, 2);
    try (FedAvg fed = new FedAvg(new SoftmaxRegression(64, 10), SPLIT.test(), TRAINER, 2, 3)) {
      List<FedAvg.RoundMetrics> rounds = fed.run(20, clients);
      FedAvg.RoundMetrics last = rounds.get(rounds.size() - 1);
      // Measured 0.953.
      assertThat(last.testAccuracy()).isGreaterThanOrEqualTo(0.92);
      assertThat(last.testLoss()).isLessThan(rounds.get(0).testLoss());
      assertThat(last.trainLoss()).isLessThan(rounds.get(0).trainLoss());
      assertThat(last.clientAccuracy()).hasSize(5);
      assertThat(java.util.Arrays.stream(last.clientAccuracy())).allSatisfy(a -> assertThat(a).isGreaterThan(0.9));
      assertThat(last.clientSamples()).containsExactly(clients.stream().mapToInt(ClientData::sampleCount).toArray());
    }
  }

  @Test
  void mlpReachesNinetyFourPercent() {
    List<ClientData> clients = iidClients(SPLIT.train(), 5, 2);
    try (FedAvg fed = new FedAvg(new Mlp(64, 64, 10, 7), SPLIT.test(), TRAINER, 2, 3)) {
      List<FedAvg.RoundMetrics> rounds = fed.run(20, clients);
      // Measured 0.962.
      assertThat(rounds.get(rounds.size() - 1).testAccuracy()).isGreaterThanOrEqualTo(0.94);
    }
  }

  @Test
  void resultsDoNotDependOnThreadCountOrClientOrder() {
    List<ClientData> clients = iidClients(SPLIT.train(), 4, 5);
    LocalTrainer t = new LocalTrainer(1, 16, 0.2, 1e-4);
    double[] one;
    double[] two;
    try (FedAvg fed = new FedAvg(new Mlp(64, 16, 10, 1), SPLIT.test(), t, 1, 9)) {
      fed.run(3, clients);
      one = fed.globalParameters();
    }
    try (FedAvg fed = new FedAvg(new Mlp(64, 16, 10, 1), SPLIT.test(), t, 2, 9)) {
      fed.run(3, clients);
      two = fed.globalParameters();
    }
    assertThat(two).isEqualTo(one);
    // Reversed order: same client seeds, only the summation order of the average changes.
    List<ClientData> reversed = new ArrayList<>(clients);
    java.util.Collections.reverse(reversed);
    try (FedAvg fed = new FedAvg(new Mlp(64, 16, 10, 1), SPLIT.test(), t, 2, 9)) {
      fed.run(3, reversed);
      double[] rev = fed.globalParameters();
      for (int i = 0; i < one.length; i++) {
        assertThat(rev[i]).isCloseTo(one[i], org.assertj.core.api.Assertions.within(1e-9));
      }
    }
    try (FedAvg fed = new FedAvg(new Mlp(64, 16, 10, 1), SPLIT.test(), t, 2, 10)) {
      fed.run(3, clients);
      assertThat(fed.globalParameters()).isNotEqualTo(one);
    }
  }

  @Test
  void oneClientOneEpochEqualsLocalTraining() {
    Dataset data = SPLIT.train();
    LocalTrainer t = new LocalTrainer(1, 32, 0.3, 0);
    try (FedAvg fed = new FedAvg(new SoftmaxRegression(64, 10), SPLIT.test(), t, 1, 4)) {
      FedAvg.RoundMetrics r = fed.runRound(0, List.of(ClientData.realOnly(3, data)));
      Model local = new SoftmaxRegression(64, 10);
      double loss = t.train(local, data, io.cocogen.fl.data.Seeds.random(4, 0, 3));
      double[] g = fed.globalParameters();
      double[] l = local.parameters();
      for (int i = 0; i < g.length; i++) {
        // n * w / n may differ from w in the last bit.
        assertThat(g[i]).isCloseTo(l[i], org.assertj.core.api.Assertions.within(1e-12));
      }
      assertThat(r.trainLoss()).isEqualTo(loss);
    }
  }

  @Test
  void averageIsWeightedBySampleCount() {
    // Two clients whose local models we can predict: train each separately, then compare.
    Dataset a = Splits.stratifiedSample(SPLIT.train(), 100, 1);
    Dataset b = Splits.stratifiedSample(SPLIT.train(), 300, 2);
    LocalTrainer t = new LocalTrainer(1, 50, 0.1, 0);
    try (FedAvg fed = new FedAvg(new SoftmaxRegression(64, 10), SPLIT.test(), t, 2, 8)) {
      fed.runRound(5, List.of(ClientData.realOnly(0, a), ClientData.realOnly(1, b)));
      Model ma = new SoftmaxRegression(64, 10);
      t.train(ma, a, io.cocogen.fl.data.Seeds.random(8, 5, 0));
      Model mb = new SoftmaxRegression(64, 10);
      t.train(mb, b, io.cocogen.fl.data.Seeds.random(8, 5, 1));
      double[] pa = ma.parameters();
      double[] pb = mb.parameters();
      double[] g = fed.globalParameters();
      for (int i = 0; i < g.length; i++) {
        assertThat(g[i]).isCloseTo((100 * pa[i] + 300 * pb[i]) / 400, org.assertj.core.api.Assertions.within(1e-12));
      }
    }
  }

  @Test
  void syntheticDataCountsPerRoundAndEmptyClientsAreSkipped() {
    Dataset real = Splits.stratifiedSample(SPLIT.train(), 200, 1);
    Dataset synth = Splits.stratifiedSample(SPLIT.train(), 50, 2);
    Dataset empty = Dataset.empty(64, 10);
    try (FedAvg fed = new FedAvg(new SoftmaxRegression(64, 10), SPLIT.test(), TRAINER, 2, 1)) {
      FedAvg.RoundMetrics r0 = fed.runRound(0, List.of(ClientData.realOnly(0, real), new ClientData(1, empty, empty)));
      assertThat(r0.clientSamples()).containsExactly(200, 0);
      assertThat(r0.clientTrainLoss()[1]).isNaN();
      assertThat(r0.clientAccuracy()[1]).isNaN();
      FedAvg.RoundMetrics r1 = fed.runRound(1, List.of(new ClientData(0, real, synth), new ClientData(1, empty, synth)));
      assertThat(r1.clientSamples()).containsExactly(250, 50);
      assertThat(r1.clientTrainLoss()[1]).isFinite();
    }
  }

  @Test
  void badInputIsRejected() {
    try (FedAvg fed = new FedAvg(new SoftmaxRegression(64, 10), SPLIT.test(), TRAINER, 1, 1)) {
      ClientData c = ClientData.realOnly(0, SPLIT.test());
      assertThatThrownBy(() -> fed.runRound(0, List.of(c, c)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id 0 appears twice");
      assertThatThrownBy(() -> fed.runRound(0, List.of()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clients");
    }
    assertThatThrownBy(() -> new LocalTrainer(0, 32, 0.1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epochs = 0");
    assertThatThrownBy(() -> new LocalTrainer(1, 32, Double.NaN, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learningRate = NaN");
    assertThatThrownBy(() -> new Mlp(64, 0, 10, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hidden = 0");
    assertThatThrownBy(() -> new SoftmaxRegression(64, 10).setParameters(new double[3]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameters.length = 3");
  }
}
