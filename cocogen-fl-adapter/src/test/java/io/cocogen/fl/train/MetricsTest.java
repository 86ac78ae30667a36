package io.cocogen.fl.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cocogen.fl.data.Dataset;
import io.cocogen.fl.data.DigitsLoader;
import io.cocogen.fl.data.Splits;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MetricsTest {
  @Test
  void evaluationAgreesWithPredictAndLoss() {
    Splits.TrainTest s = Splits.trainTest(DigitsLoader.load(), 0.3, 2);
    Model m = new SoftmaxRegression(64, 10);
    new LocalTrainer(3, 32, 0.2, 0).train(m, s.train(), new SplittableRandom(1));
    Metrics.Evaluation e = Metrics.evaluate(m, s.test());
    assertThat(e.accuracy()).isEqualTo(Metrics.accuracy(m.predict(s.test()), s.test().labels()));
    assertThat(e.crossEntropy()).isCloseTo(m.loss(s.test()), within(1e-12));
    assertThat(e.perClassCount()).containsExactly(s.test().labelHistogram());
    // Class-weighted accuracy with the test set's own mix is the plain accuracy.
    assertThat(e.accuracyOn(s.test().labelDistribution())).isCloseTo(e.accuracy(), within(1e-12));
  }

  @Test
  void distributionAccuracyIsTheExpectationOfResampledAccuracy() {
    Splits.TrainTest s = Splits.trainTest(DigitsLoader.load(), 0.3, 2);
    Model m = new SoftmaxRegression(64, 10);
    new LocalTrainer(1, 64, 0.05, 0).train(m, s.train(), new SplittableRandom(1));
    double[] p = {0.4, 0, 0, 0.1, 0, 0, 0, 0.3, 0.2, 0};
    double weighted = Metrics.accuracyOnDistribution(m, s.test(), p);
    Dataset resampled = Splits.resampleToDistribution(s.test(), p, 20_000, new SplittableRandom(3));
    // Binomial standard error of 20000 draws is below 0.0036.
    assertThat(Metrics.accuracy(m, resampled)).isCloseTo(weighted, within(0.015));
  }

  @Test
  void weightedAccuracyArithmeticAndErrors() {
    double[] acc = {1.0, 0.5, Double.NaN};
    assertThat(Metrics.accuracyOnDistribution(acc, new double[] {1, 3, 0})).isCloseTo(0.625, within(1e-15));
    assertThatThrownBy(() -> Metrics.accuracyOnDistribution(acc, new double[] {1, 0, 0.5}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classDistribution[2] = 0.5");
    assertThatThrownBy(() -> Metrics.accuracyOnDistribution(acc, new double[] {1, -1, 0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classDistribution[1] = -1.0");
    assertThatThrownBy(() -> Metrics.accuracyOnDistribution(acc, new double[] {0, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive entry");
  }
}
