package io.cocogen.solver;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocogen.api.BoundPerformance;
import io.cocogen.api.CostModel;
import io.cocogen.api.Federation;
import io.cocogen.api.PerformanceModel;
import io.cocogen.api.QuadraticCost;
import io.cocogen.api.RoundGame;
import io.cocogen.api.SyntheticFederations.Kind;
import io.cocogen.testkit.SeededProperty;
import org.junit.jupiter.api.Test;

/**
 * The solver and the certificate take shortcuts for the default model (scaling law with quadratic cost):
 * closed-form and one-division responses in {@code AggregateNewton}, a one-division local test in
 * {@code PlayerProblem}. The same games with the model hidden behind opaque wrappers go through the general
 * code; on 300 seeded games (every competition kind, with and without a budget, Nash, subsidised and
 * welfare stakes) both must agree: the same profiles to rounding, and the same regrets of the same
 * profiles: at the equilibrium, after perturbing it by 1e-12 to 1e-2, after nudging it by 1e-10 (regrets
 * of second order, compared relatively), and anywhere in the box with players exactly at their bounds.
 */
class DefaultModelSpecialisationTest {

  @Test
  void specialisedAndGeneralPathsAgree() {
    long base = 0x5EED_D00DL;
    for (Kind kind : TestGames.KINDS) {
      for (boolean budget : new boolean[] {false, true}) {
        SeededProperty.forAll("default-model shortcuts " + kind + " budget=" + budget, base++, 30, (r, seed) -> {
          int n = 1 + r.nextInt(40);
          RoundGame game = TestGames.potentialGame(r, n, kind, r.nextBoolean() ? 0.0 : 1.0, budget);
          RoundGame opaque = opaque(game);
          double[] sigma = new double[n];
          for (int i = 0; i < n; i++) {
            sigma[i] = r.nextDouble() < 0.3 ? r.nextDouble() * 1e-3 * game.federation().marketValue()[i] : 0.0;
          }
          Stakes[] plain = {Stakes.nash(game), Stakes.nashWithSubsidies(game, sigma), Stakes.welfare(game)};
          Stakes[] hidden = {Stakes.nash(opaque), Stakes.nashWithSubsidies(opaque, sigma), Stakes.welfare(opaque)};
          for (int v = 0; v < plain.length; v++) {
            if (!plain[v].fastPathApplies()) {
              continue;
            }
            Equilibrium fast = PotentialGameSolver.solveSeparable(game, plain[v], SolverOptions.DEFAULT, "fast");
            Equilibrium general =
                PotentialGameSolver.solveSeparable(opaque, hidden[v], SolverOptions.DEFAULT, "general");
            assertThat(fast.state()).as("stakes %d: %s", v, fast.message()).isEqualTo(general.state());
            double[] cap = game.capacity();
            for (int i = 0; i < n; i++) {
              assertThat(fast.synthetic()[i]).as("stakes %d, organization %d", v, i)
                  .isCloseTo(general.synthetic()[i], org.assertj.core.data.Offset.offset(1e-7 * cap[i] + 1e-9));
            }
            sameRegrets(game, opaque, plain[v], hidden[v], fast.synthetic(), "equilibrium, stakes " + v);
            double[] moved = fast.synthetic().clone();
            for (int i = 0; i < n; i++) {
              double eps = Math.pow(10, -12 + 10 * r.nextDouble());
              moved[i] = Math.min(cap[i], Math.max(0.0, moved[i] * (1 + (r.nextBoolean() ? eps : -eps))));
            }
            sameRegrets(game, opaque, plain[v], hidden[v], moved, "perturbed, stakes " + v);
            // Interior players moved by 1e-10 relative: the best response is one Newton step of rounding
            // size away, whose second-order gain both paths report; it is far above the rounding of f.
            double[] nudged = fast.synthetic().clone();
            for (int i = 0; i < n; i++) {
              if (nudged[i] > 1e-3 * cap[i] && nudged[i] < cap[i]) {
                nudged[i] = Math.min(cap[i], nudged[i] * (1 + (r.nextBoolean() ? 1e-10 : -1e-10)));
              }
            }
            sameSmallRegrets(game, opaque, plain[v], hidden[v], nudged, "nudged, stakes " + v);
            // Anywhere in the box, with players exactly at their bounds: large regrets, decided at the bounds
            // by the sign of the derivative.
            double[] anywhere = new double[n];
            for (int i = 0; i < n; i++) {
              double t = r.nextDouble();
              anywhere[i] = t < 0.2 ? 0.0 : t < 0.4 ? cap[i] : r.nextDouble() * cap[i];
            }
            if (!budget) {
              sameRegrets(game, opaque, plain[v], hidden[v], anywhere, "anywhere, stakes " + v);
            }
          }
        });
      }
    }
    assertThat(smallChecked).as("positive second-order regrets compared").isGreaterThan(1000);
  }

  private static void sameRegrets(RoundGame game, RoundGame opaque, Stakes plain, Stakes hidden, double[] s,
      String what) {
    Certificate a = Certifier.certify(game, plain, null, s, null);
    Certificate b = Certifier.certify(opaque, hidden, null, s, null);
    double[] u = new double[s.length];
    game.utilities(s, u, game.newWorkspace());
    for (int i = 0; i < s.length; i++) {
      // Regrets are differences of utilities: agreement to the rounding of a utility.
      double noise = 1e-12 * (1 + Math.abs(u[i]));
      assertThat(a.regrets()[i]).as("%s, organization %d", what, i).isCloseTo(b.regrets()[i],
          org.assertj.core.data.Offset.offset(noise));
    }
  }

  private static int smallChecked;

  /**
   * Regrets of rounding-size deviations (≈ 1e-25 of a utility): both paths compute them to second order from
   * their own derivatives, so they agree relatively, to the rounding of the derivative (under 1 % here).
   */
  private static void sameSmallRegrets(RoundGame game, RoundGame opaque, Stakes plain, Stakes hidden, double[] s,
      String what) {
    Certificate a = Certifier.certify(game, plain, null, s, null);
    Certificate b = Certifier.certify(opaque, hidden, null, s, null);
    for (int i = 0; i < s.length; i++) {
      double x = a.regrets()[i];
      double y = b.regrets()[i];
      if (Math.max(x, y) > 0) {
        smallChecked++;
        assertThat(Math.abs(x - y)).as("%s, organization %d: %s vs %s", what, i, x, y)
            .isLessThanOrEqualTo(0.05 * Math.max(x, y));
      }
    }
  }

  /** The same game with its performance and cost models behind wrappers the solver does not recognise. */
  static RoundGame opaque(RoundGame game) {
    PerformanceModel law = game.performanceModel();
    PerformanceModel hiddenLaw = new PerformanceModel() {
      @Override public String name() { return "opaque"; }

      @Override public BoundPerformance bind(Federation f) {
        BoundPerformance p = law.bind(f);
        return new BoundPerformance() {
          @Override public int dimension() { return p.dimension(); }
          @Override public double coefficient(int j, int k) { return p.coefficient(j, k); }
          @Override public double commonGain(double[] z) { return p.commonGain(z); }
          @Override public void commonGradient(double[] z, double[] out) { p.commonGradient(z, out); }
          @Override public void commonHessian(double[] z, double[] out) { p.commonHessian(z, out); }
          @Override public double privateGain(int i, double s) { return p.privateGain(i, s); }
          @Override public double privateSlope(int i, double s) { return p.privateSlope(i, s); }
          @Override public double privateCurvature(int i, double s) { return p.privateCurvature(i, s); }
        };
      }
    };
    CostModel hiddenCost = new CostModel() {
      @Override public String name() { return "opaque"; }

      @Override public BoundCost bind(Federation f) { return QuadraticCost.INSTANCE.bind(f); }
    };
    assertThat(game.costModel()).isInstanceOf(QuadraticCost.class);
    return game.toBuilder().performance(hiddenLaw).cost(hiddenCost).build();
  }
}
