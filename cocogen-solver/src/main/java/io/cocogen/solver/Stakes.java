package io.cocogen.solver;

import io.cocogen.api.InvalidModelException;
import io.cocogen.api.RoundGame;

/**
 * The separable objective every organization {@code i} faces: {@code ω_i G(z) + β_i g_i(s_i) − c_i(s_i) + τ_i s_i}
 * (plus terms it cannot move). The Nash game has {@code ω = w, β = b, τ = 0}; the welfare team game has
 * {@code ω_i = W, β = B}; per-unit subsidies {@code σ} enter as {@code τ}.
 *
 * @param omega stake in the common gain
 * @param beta stake in the own private gain
 * @param tau per-unit transfer on the own action
 */
public record Stakes(double[] omega, double[] beta, double[] tau) {

  public Stakes {
    if (omega.length != beta.length || omega.length != tau.length) {
      throw new InvalidModelException("stakes", omega.length, "omega, beta and tau must have equal lengths");
    }
  }

  /** The Nash game of {@code game}: {@code ω = w, β = b, τ = 0}. */
  public static Stakes nash(RoundGame game) {
    return new Stakes(game.commonStakes(), game.privateStakes(), new double[game.size()]);
  }

  /** The Nash game with per-unit transfers {@code σ}. */
  public static Stakes nashWithSubsidies(RoundGame game, double[] sigma) {
    if (sigma.length != game.size()) {
      throw new InvalidModelException("subsidies", sigma.length, "length must equal the number of organizations " + game.size());
    }
    return new Stakes(game.commonStakes(), game.privateStakes(), sigma.clone());
  }

  /** The welfare team game: every player maximises {@code SW}. */
  public static Stakes welfare(RoundGame game) {
    double[] om = new double[game.size()];
    java.util.Arrays.fill(om, game.totalCommonStake());
    return new Stakes(om, game.welfarePrivateWeights(), new double[game.size()]);
  }

  public int size() { return omega.length; }

  /** True when every one-dimensional problem is concave ({@code ω_i ≥ 0} and {@code β_i ≥ 0}). */
  public boolean concave() {
    for (int i = 0; i < omega.length; i++) {
      if (!(omega[i] >= 0 && beta[i] >= 0)) {
        return false;
      }
    }
    return true;
  }

  /** True when every {@code ω_i > 0} and {@code β_i ≥ 0}: the fast path applies. */
  public boolean fastPathApplies() {
    for (int i = 0; i < omega.length; i++) {
      if (!(omega[i] > 0 && beta[i] >= 0)) {
        return false;
      }
    }
    return true;
  }
}
