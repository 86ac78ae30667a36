package io.cocogen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocogen.api.SyntheticFederations.Kind;
import io.cocogen.api.SyntheticFederations.Spec;
import io.cocogen.testkit.SeededProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The competition structures and the derived sums of MODEL.md §1, §3 and §6 ({@code Γ, R, C, w, b, B, W})
 * against dense brute force, both from {@link CompetitionStructure#gamma} and from each kind's raw
 * definition. Sums are compared relative to {@code 1e-12} times the sum of the absolute values of their terms.
 */
class DerivedSumsTest {
  static final double TOLERANCE = 1e-12;

  @Test
  void derivedSumsOfRandomGamesMatchBruteForce() {
    for (Kind kind : Kind.values()) {
      SeededProperty.forAll("derived sums " + kind, 0xd5_0001L + kind.ordinal(), 40, (r, seed) -> {
        int n = 1 + r.nextInt(40);
        RoundGame game = SyntheticFederations.game(r,
            new Spec(n, kind, r.nextDouble(), r.nextDouble() < 0.3 ? 0 : r.nextDouble() < 0.5 ? 1 : r.nextDouble(),
                1 + 3 * r.nextDouble(), Double.NaN, 0.5));
        double[][] viaStructure = BruteForce.dense(game.competitionStructure());
        double[][] raw = BruteForce.rawGamma(game.competition(), Arrays.asList(game.federation().ids()));
        assertMatricesEqual(viaStructure, raw);
        checkDerivedSums(game, raw);
      });
    }
  }

  /** A coalition game keeps the γ between its members and drops everyone else (MODEL.md §9). */
  @Test
  void coalitionGamesUseTheSubmatrix() {
    for (Kind kind : Kind.values()) {
      SeededProperty.forAll("coalition " + kind, 0xd5_0002L + kind.ordinal(), 20, (r, seed) -> {
        RoundGame game = SyntheticFederations.game(r, Spec.of(2 + r.nextInt(25), kind, 0.5, r.nextDouble()));
        int[] members = randomMembers(r, game.size());
        RoundGame sub = game.restrictTo(members);
        double[][] full = BruteForce.dense(game.competitionStructure());
        double[][] expected = submatrix(full, members);
        assertMatricesEqual(BruteForce.dense(sub.competitionStructure()), expected);
        checkDerivedSums(sub, expected);
        for (int t = 0; t < members.length; t++) {
          assertThat(sub.id(t)).isEqualTo(game.id(members[t]));
        }
      });
    }
  }

  static void checkDerivedSums(RoundGame game, double[][] g) {
    int n = game.size();
    double theta = game.theta();
    double[] rho = game.federation().marketValue();
    double totalW = 0;
    double totalAbsW = 0;
    for (int i = 0; i < n; i++) {
      double rowSum = 0;
      double valueRowSum = 0;
      double columnSum = 0;
      double valueRowAbs = 0;
      for (int j = 0; j < n; j++) {
        rowSum += g[i][j];
        valueRowSum += g[i][j] * rho[j];
        valueRowAbs += Math.abs(g[i][j] * rho[j]);
        columnSum += g[j][i];
      }
      close("Gamma_" + i, game.rowSums()[i], rowSum, rowSum);
      close("R_" + i, game.valueRowSums()[i], valueRowSum, valueRowAbs);
      close("C_" + i, game.columnSums()[i], columnSum, columnSum);
      double b = rho[i] * (1 + theta * rowSum);
      double w = b - valueRowSum;
      double bigB = rho[i] * (1 + theta * rowSum - columnSum);
      close("b_" + i, game.privateStakes()[i], b, Math.abs(b));
      close("w_" + i, game.commonStakes()[i], w, Math.abs(b) + valueRowAbs);
      close("B_" + i, game.welfarePrivateWeights()[i], bigB, rho[i] * (1 + theta * rowSum + columnSum));
      totalW += w;
      totalAbsW += Math.abs(b) + valueRowAbs;
      int index = i;
      boolean listed = Arrays.stream(game.competitionDominated()).anyMatch(k -> k == index);
      assertThat(listed).as("organization %d with w = %s listed as competition-dominated", i, w).isEqualTo(!(w > 0));
    }
    close("W", game.totalCommonStake(), totalW, totalAbsW);
  }

  /** Structures built by index from random parameters against each kind's raw definition. */
  @Test
  void structuresMatchTheirRawDefinitions() {
    SeededProperty.forAll("raw definitions", 0xd5_0003L, 200, (r, seed) -> {
      int n = 1 + r.nextInt(30);
      Built built = randomStructure(r, n);
      assertMatricesEqual(BruteForce.dense(built.structure), built.raw);
    });
  }

  @Test
  void productsRestrictionAndScalingMatchDenseAlgebra() {
    SeededProperty.forAll("products", 0xd5_0004L, 200, (r, seed) -> {
      int n = 1 + r.nextInt(30);
      Built built = randomStructure(r, n);
      CompetitionStructure s = built.structure;
      double[][] g = built.raw;
      assertThat(s.size()).isEqualTo(n);
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = (r.nextDouble() - 0.3) * SeededProperty.logUniform(r, 1e-3, 1e4);
      }
      double[] y = new double[n];
      s.multiply(x, y);
      assertVectorClose("multiply", y, BruteForce.times(g, x), productScale(g, x));
      s.multiplyTranspose(x, y);
      double[][] gt = transpose(g);
      assertVectorClose("multiplyTranspose", y, BruteForce.times(gt, x), productScale(gt, x));
      double[] ones = new double[n];
      Arrays.fill(ones, 1);
      assertVectorClose("rowSums", s.rowSums(), BruteForce.times(g, ones), productScale(g, ones));
      assertVectorClose("columnSums", s.columnSums(), BruteForce.times(gt, ones), productScale(gt, ones));

      long nonZero = Arrays.stream(g).flatMapToDouble(Arrays::stream).filter(v -> v != 0).count();
      assertThat(s.nonZeros()).as("nonZeros bounds the non-zero entries").isGreaterThanOrEqualTo(nonZero);

      int[] members = randomMembers(r, n);
      CompetitionStructure sub = s.restrictTo(members);
      assertThat(sub.size()).isEqualTo(members.length);
      double[][] expected = submatrix(g, members);
      assertMatricesEqual(BruteForce.dense(sub), expected);
      double[] xs = Arrays.copyOf(x, members.length);
      double[] ys = new double[members.length];
      sub.multiply(xs, ys);
      assertVectorClose("restricted multiply", ys, BruteForce.times(expected, xs), productScale(expected, xs));

      double factor = r.nextDouble() < 0.1 ? 0 : 3 * r.nextDouble();
      CompetitionStructure scaled = s.scaled(factor);
      double[][] sg = BruteForce.dense(scaled);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          assertThat(sg[i][j]).isCloseTo(factor * g[i][j], org.assertj.core.data.Offset.offset(1e-15 * (1 + factor * g[i][j])));
        }
      }
      assertThatThrownBy(() -> s.scaled(-1)).isInstanceOf(InvalidModelException.class).hasMessageContaining("factor");
    });
  }

  @Test
  void degenerateSegmentsAndSingletons() {
    // A one-member segment has no same-segment rivals; a single segment has no cross-segment ones.
    CompetitionStructure lonely = CompetitionStructure.segments(new int[] {0, 1, 1}, 0.4, 0.2);
    assertMatricesEqual(BruteForce.dense(lonely), new double[][] {{0, 0.1, 0.1}, {0.2, 0, 0.4}, {0.2, 0.4, 0}});
    CompetitionStructure one = CompetitionStructure.segments(new int[] {0, 0, 0}, 0.4, 0.2);
    assertMatricesEqual(BruteForce.dense(one), new double[][] {{0, 0.2, 0.2}, {0.2, 0, 0.2}, {0.2, 0.2, 0}});
    assertThat(CompetitionStructure.uniform(1, 0.7).rowSums()).containsExactly(0.0);
    assertThat(CompetitionStructure.none(3).rowSums()).containsExactly(0.0, 0.0, 0.0);
  }

  record Built(CompetitionStructure structure, double[][] raw) {}

  static Built randomStructure(RandomGenerator r, int n) {
    switch (r.nextInt(5)) {
      case 0: {
        double gb = r.nextDouble();
        double[][] raw = new double[n][n];
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            raw[i][j] = i == j ? 0 : gb / (n - 1);
          }
        }
        return new Built(CompetitionStructure.uniform(n, gb), raw);
      }
      case 1: {
        int k = 1 + r.nextInt(Math.min(n, 5));
        int[] seg = new int[n];
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
          seg[i] = r.nextInt(k);
          boxed[i] = seg[i];
        }
        double within = r.nextDouble();
        double across = r.nextDouble();
        return new Built(CompetitionStructure.segments(seg, within, across), BruteForce.rawSegments(boxed, within, across));
      }
      case 2: {
        double[][] raw = new double[n][n];
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            if (i != j && r.nextDouble() < 0.3) {
              pairs.add(new int[] {i, j});
            }
          }
        }
        java.util.Collections.shuffle(pairs, new java.util.Random(r.nextLong()));
        int[] rows = new int[pairs.size()];
        int[] cols = new int[pairs.size()];
        double[] vals = new double[pairs.size()];
        for (int e = 0; e < rows.length; e++) {
          rows[e] = pairs.get(e)[0];
          cols[e] = pairs.get(e)[1];
          vals[e] = r.nextDouble() < 0.1 ? 0 : r.nextDouble();
          raw[rows[e]][cols[e]] = vals[e];
        }
        return new Built(CompetitionStructure.sparse(n, rows, cols, vals), raw);
      }
      case 3: {
        double[][] raw = new double[n][n];
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            raw[i][j] = i == j ? 0 : r.nextDouble() / n;
          }
        }
        return new Built(CompetitionStructure.dense(raw), raw);
      }
      default:
        return new Built(CompetitionStructure.none(n), new double[n][n]);
    }
  }

  /** A random non-empty subset in random order. */
  static int[] randomMembers(RandomGenerator r, int n) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(i);
    }
    java.util.Collections.shuffle(all, new java.util.Random(r.nextLong()));
    int size = 1 + r.nextInt(n);
    return all.subList(0, size).stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * {@code max_j |γ_ij| · Σ_j |x_j|}: the O(n) products of the structured kinds subtract sums that include
   * {@code x_i} itself, so their rounding scales with the whole of {@code x}, not just with {@code Σ_j |γ_ij x_j|}.
   */
  static double[] productScale(double[][] g, double[] x) {
    double norm = 0;
    for (double v : x) {
      norm += Math.abs(v);
    }
    double[] scale = new double[g.length];
    for (int i = 0; i < g.length; i++) {
      double max = 0;
      for (double v : g[i]) {
        max = Math.max(max, Math.abs(v));
      }
      scale[i] = max * norm;
    }
    return scale;
  }

  static double[][] submatrix(double[][] g, int[] members) {
    double[][] sub = new double[members.length][members.length];
    for (int a = 0; a < members.length; a++) {
      for (int b = 0; b < members.length; b++) {
        sub[a][b] = g[members[a]][members[b]];
      }
    }
    return sub;
  }

  static double[][] transpose(double[][] g) {
    double[][] t = new double[g.length][g.length];
    for (int i = 0; i < g.length; i++) {
      for (int j = 0; j < g.length; j++) {
        t[j][i] = g[i][j];
      }
    }
    return t;
  }

  static void assertMatricesEqual(double[][] actual, double[][] expected) {
    assertThat(actual.length).isEqualTo(expected.length);
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected.length; j++) {
        close("gamma[" + i + "][" + j + "]", actual[i][j], expected[i][j], Math.abs(expected[i][j]));
      }
    }
  }

  static void assertVectorClose(String what, double[] actual, double[] expected, double[] scale) {
    for (int i = 0; i < expected.length; i++) {
      close(what + "[" + i + "]", actual[i], expected[i], scale[i]);
    }
  }

  static void close(String what, double actual, double expected, double scale) {
    assertThat(Math.abs(actual - expected)).as("%s: %s vs %s", what, actual, expected)
        .isLessThanOrEqualTo(TOLERANCE * (Math.abs(scale) + Double.MIN_NORMAL));
  }
}
