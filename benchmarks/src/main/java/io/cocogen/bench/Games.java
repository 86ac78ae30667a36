package io.cocogen.bench;

import io.cocogen.api.RoundGame;
import io.cocogen.api.SyntheticFederations;
import io.cocogen.api.SyntheticFederations.Kind;
import io.cocogen.api.SyntheticFederations.Spec;
import java.util.SplittableRandom;

/**
 * The games every benchmark and peer comparison uses, seeded so that every run sees the same instances.
 * Exposure {@code γ̄ = 0.4} and {@code θ = 0.5} (mid-range values of the reference experiment, MODEL.md §12).
 */
public final class Games {
  /** Seed of every generated game. */
  public static final long SEED = 20260415L;
  /** Each organization's total competitive exposure. */
  public static final double GAMMA_BAR = 0.4;
  /** Competition model. */
  public static final double THETA = 0.5;

  private Games() {}

  /**
   * A game of {@code n} organizations: by index ({@link SyntheticFederations#large}) above 2000
   * organizations, by id ({@link SyntheticFederations#game}) otherwise. Both are seeded.
   */
  public static RoundGame game(int n, Kind kind) {
    if (n > 2000) {
      return SyntheticFederations.large(SEED + n, n, kind, GAMMA_BAR, THETA);
    }
    return byId(n, kind);
  }

  /** An id-based game (writable as a scenario document with uniform or segment competition). */
  public static RoundGame byId(int n, Kind kind) {
    return SyntheticFederations.game(new SplittableRandom(SEED + 31L * n + kind.ordinal()),
        Spec.of(n, kind, GAMMA_BAR, THETA));
  }

  /** Parses a competition kind as the benchmarks name it ({@code UNIFORM}, {@code SEGMENTS}). */
  public static Kind kind(String name) {
    return Kind.valueOf(name);
  }
}
