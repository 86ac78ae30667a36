package io.cocogen.fl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cocogen.api.Competition;
import io.cocogen.api.Organization;
import io.cocogen.api.ScalingLawModel;
import io.cocogen.fl.data.Dataset;
import io.cocogen.fl.data.DigitsLoader;
import io.cocogen.fl.genai.GaussianPcaGenerator;
import io.cocogen.fl.report.MetricsExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinator driven from a federated loop it does not own: a hand-written FedAvg over softmax
 * regression on the embedded digits (a few lines of gradient code below), using only the coordinator's
 * public hooks: plan, generate per the quotas, train, observe, settle; then a restart from the ledger and
 * more rounds.
 */
class UserLoopIntegrationTest {
  static final int K = 10;
  static final int P = 64;

  @TempDir Path dir;

  /** The user's own model: softmax regression, weights {@code P x K} then {@code K} biases. */
  static final class Softmax {
    final double[] w = new double[P * K + K];

    Softmax copy() {
      Softmax s = new Softmax();
      System.arraycopy(w, 0, s.w, 0, w.length);
      return s;
    }

    double[] probs(float[] x, int row) {
      double[] z = new double[K];
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < K; k++) {
        double v = w[P * K + k];
        for (int j = 0; j < P; j++) {
          v += x[row * P + j] * w[j * K + k];
        }
        z[k] = v;
        max = Math.max(max, v);
      }
      double sum = 0;
      for (int k = 0; k < K; k++) {
        z[k] = Math.exp(z[k] - max);
        sum += z[k];
      }
      for (int k = 0; k < K; k++) {
        z[k] /= sum;
      }
      return z;
    }

    void sgdEpoch(float[] x, int[] y, double lr, SplittableRandom rng) {
      int n = y.length;
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int i : order) {
        double[] p = probs(x, i);
        p[y[i]] -= 1;
        for (int k = 0; k < K; k++) {
          for (int j = 0; j < P; j++) {
            w[j * K + k] -= lr * p[k] * x[i * P + j];
          }
          w[P * K + k] -= lr * p[k];
        }
      }
    }

    /** Class-balanced cross-entropy and accuracy on a test set. */
    double[] evaluate(float[] x, int[] y) {
      double[] ce = new double[K];
      double[] ok = new double[K];
      int[] count = new int[K];
      for (int i = 0; i < y.length; i++) {
        double[] p = probs(x, i);
        int best = 0;
        for (int k = 1; k < K; k++) {
          if (p[k] > p[best]) {
            best = k;
          }
        }
        count[y[i]]++;
        ce[y[i]] -= Math.log(Math.max(1e-12, p[y[i]]));
        ok[y[i]] += best == y[i] ? 1 : 0;
      }
      double loss = 0;
      double acc = 0;
      for (int k = 0; k < K; k++) {
        loss += ce[k] / count[k] / K;
        acc += ok[k] / count[k] / K;
      }
      return new double[] {loss, acc};
    }
  }

  record Client(String id, float[] x, int[] y) {
    int[] histogram() {
      int[] h = new int[K];
      for (int v : y) {
        h[v]++;
      }
      return h;
    }
  }

  static List<Organization> organizations(List<Client> clients) {
    List<Organization> out = new ArrayList<>();
    for (Client c : clients) {
      int[] h = c.histogram();
      double[] hd = new double[K];
      for (int k = 0; k < K; k++) {
        hd[k] = h[k];
      }
      out.add(Organization.builder(c.id()).realSamples(c.y().length).labelHistogram(hd).quality(0.5)
          .unitCost(0.002).quadraticCost(1e-5).capacity(2.0 * c.y().length).marketValue(100).build());
    }
    return out;
  }

  static CoopetitionCoordinator coordinator(List<Client> clients, Path ledger) {
    return CoopetitionCoordinator.builder().organizations(organizations(clients)).competition(Competition.uniform(0.1))
        .theta(0.0).performance(new ScalingLawModel(Math.log(K), 0.1, 8.0, 0.5, 0.4, 0.2))
        .exploration(ExplorationPolicy.randomised(2, 0.3, 99)).ledger(ledger).build();
  }

  /** One round of the user's loop; org1 generates only half its instruction in round 1. */
  static Softmax round(int t, CoopetitionCoordinator coord, List<Client> clients, Softmax global,
      GaussianPcaGenerator gen, float[] testX, int[] testY, List<RoundSettlement> settled) {
    List<OrganizationReport> reports = new ArrayList<>();
    for (Client c : clients) {
      reports.add(OrganizationReport.of(c.id(), c.histogram()));
    }
    RoundPlan plan = coord.planRound(t, reports);
    double[] sum = new double[global.w.length];
    int rows = 0;
    int[] generated = new int[clients.size()];
    for (int i = 0; i < clients.size(); i++) {
      Client c = clients.get(i);
      OrganizationPlan p = plan.plan(c.id());
      if (!p.participates()) {
        continue;
      }
      int[] quotas = p.classQuotas();
      if (t == 1 && c.id().equals("org1")) {
        for (int k = 0; k < K; k++) {
          quotas[k] /= 2; // this organization does not comply
        }
      }
      Dataset synth = gen.generate(quotas, new SplittableRandom(1000L * t + i));
      generated[i] = synth.size();
      assertThat(synth.labelHistogram()).containsExactly(quotas);
      float[] sx = synth.features();
      int[] sy = synth.labels();
      float[] x = new float[c.x().length + sx.length];
      int[] y = new int[c.y().length + sy.length];
      System.arraycopy(c.x(), 0, x, 0, c.x().length);
      System.arraycopy(sx, 0, x, c.x().length, sx.length);
      System.arraycopy(c.y(), 0, y, 0, c.y().length);
      System.arraycopy(sy, 0, y, c.y().length, sy.length);
      Softmax local = global.copy();
      local.sgdEpoch(x, y, 0.1, new SplittableRandom(31L * t + i));
      for (int j = 0; j < sum.length; j++) {
        sum[j] += y.length * local.w[j];
      }
      rows += y.length;
    }
    if (rows == 0) {
      settled.add(coord.settleRound(t, List.of())); // nobody took part: the model is unchanged
      return global;
    }
    Softmax next = new Softmax();
    for (int j = 0; j < sum.length; j++) {
      next.w[j] = sum[j] / rows;
    }
    double[] eval = next.evaluate(testX, testY);
    List<OrganizationObservation> obs = new ArrayList<>();
    for (int i = 0; i < clients.size(); i++) {
      if (plan.plan(clients.get(i).id()).participates()) {
        obs.add(new OrganizationObservation(clients.get(i).id(), generated[i], eval[0], eval[1]));
      }
    }
    settled.add(coord.settleRound(t, obs));

    return next;
  }

  @Test
  void planGenerateTrainObserveSettleThenRestartFromTheLedger() throws Exception {
    Dataset all = DigitsLoader.load();
    float[] fx = all.features();
    List<Integer> test = new ArrayList<>();
    List<Integer> pub = new ArrayList<>();
    List<List<Integer>> own = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      own.add(new ArrayList<>());
    }
    int[] seen = new int[K];
    for (int r = 0; r < all.size(); r++) {
      int y = all.label(r);
      int n = seen[y]++;
      if (n % 4 == 0) {
        test.add(r);
      } else if (n % 4 == 1) {
        pub.add(r);
      } else if (n % 3 == 0) {
        own.get(r % 4).add(r); // a sprinkle of every class
      } else {
        own.get((y / 3) % 4).add(r); // label skew: org k mostly holds classes 3k .. 3k+2
      }
    }
    Dataset publicData = all.subset(pub.stream().mapToInt(Integer::intValue).toArray());
    GaussianPcaGenerator gen = GaussianPcaGenerator.fit(publicData);
    Dataset testSet = all.subset(test.stream().mapToInt(Integer::intValue).toArray());
    float[] testX = testSet.features();
    int[] testY = testSet.labels();
    List<Client> clients = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Dataset d = all.subset(own.get(i).stream().mapToInt(Integer::intValue).toArray());
      clients.add(new Client("org" + i, d.features(), d.labels()));
    }
    assertThat(fx.length).isEqualTo(all.size() * P);

    Path ledger = dir.resolve("federation.ledger");
    List<RoundSettlement> settled = new ArrayList<>();
    Softmax global = new Softmax();
    double firstAcc;
    Map<String, Double> cumulative;
    try (CoopetitionCoordinator coord = coordinator(clients, ledger)) {
      for (int t = 0; t < 3; t++) {
        global = round(t, coord, clients, global, gen, testX, testY, settled);
      }
      firstAcc = settled.get(0).outcomes().get(0).accuracy();
      assertThat(settled.get(1).nonCompliant()).contains("org1");
      OrganizationOutcome o1 = settled.get(1).outcome("org1");
      assertThat(o1.transfer()).isCloseTo(o1.subsidyRate() * o1.generated() - o1.fee(), within(1e-9));
      assertThat(o1.generated()).isLessThan(o1.instructed());
      cumulative = coord.cumulativeTransfers();
      assertThat(coord.history()).hasSize(3);
      assertThat(coord.history().get(0).plan().exploration()).isTrue();
    }

    // Restart: a new coordinator on the same ledger resumes where the old one stopped.
    try (CoopetitionCoordinator coord = coordinator(clients, ledger)) {
      assertThat(coord.recoveryReport().clean()).isTrue();
      assertThat(coord.lastSettledRound()).isEqualTo(2);
      assertThat(coord.cumulativeTransfers()).isEqualTo(cumulative);
      int observed = 0;
      for (RoundSettlement st : settled) {
        observed += st.outcomes().size();
      }
      assertThat(coord.calibrationPoints()).hasSize(observed);
      assertThatThrownBy(() -> coord.settleRound(2, List.of())).isInstanceOf(IllegalStateException.class);
      for (int t = 3; t < 6; t++) {
        global = round(t, coord, clients, global, gen, testX, testY, settled);
      }
      assertThat(coord.lastSettledRound()).isEqualTo(5);
      // Participation decisions are applied: whoever left after round t (payoff below its outside option)
      // sits out round t + 1 and, under the default leave policy, comes back after that.
      for (int t = 0; t + 1 < settled.size(); t++) {
        for (OrganizationOutcome o : settled.get(t).outcomes()) {
          assertThat(o.staysNextRound()).isEqualTo(o.payoff() >= o.outsideOption());
        }
        List<String> next = settled.get(t + 1).outcomes().stream().map(OrganizationOutcome::id).toList();
        for (String gone : settled.get(t).leaving()) {
          assertThat(next).doesNotContain(gone);
        }
      }
      // The loop learned: the accuracy of the last round with participants is well above the first round's.
      double lastAcc = Double.NaN;
      for (RoundSettlement st : settled) {
        if (!st.outcomes().isEmpty()) {
          lastAcc = st.outcomes().get(0).accuracy();
        }
      }
      assertThat(lastAcc).isGreaterThan(firstAcc).isGreaterThan(0.8);
      // After enough observations the model was refitted from this federation's own rounds.
      assertThat(settled.get(5).calibration().fitted()).isTrue();
      int allObserved = 0;
      for (RoundSettlement st : settled) {
        allObserved += st.outcomes().size();
      }
      assertThat(settled.get(5).calibration().points()).isEqualTo(allObserved);
      System.out.println("user loop: participants per round " + settled.stream().map(st -> st.outcomes().size()).toList()
          + ", leaving " + settled.stream().map(RoundSettlement::leaving).toList() + ", final fit "
          + settled.get(5).calibration().message());

      MetricsExporter exporter = new MetricsExporter(dir.resolve("metrics"));
      exporter.appendAll(coord.history());
      assertThat(Files.readAllLines(exporter.csvFile())).hasSize(1 + 6 * 4);
      assertThat(Files.readAllLines(exporter.jsonLinesFile())).hasSize(6 * 4)
          .allSatisfy(l -> assertThat(l).startsWith("{\"round\":"));
    }
  }
}
