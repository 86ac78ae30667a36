package io.cocogen.incentive;

import io.cocogen.api.InvalidModelException;
import java.util.function.LongToDoubleFunction;

/**
 * A coalition value function read along growing permutation prefixes, which is what permutation
 * sampling of the Shapley value needs: the value of {@code S ∪ {i}} right after that of {@code S}, so an
 * implementation can warm-start or update incrementally.
 */
public interface PermutationValues {

  /** Number of players {@code n}. */
  int size();

  /** A fresh cursor; cursors are not thread-safe, so use one per thread. */
  Cursor cursor();

  /** Walks one prefix chain {@code ∅ ⊂ {π_1} ⊂ {π_1, π_2} ⊂ ...}. */
  interface Cursor {
    /**
     * Back to the empty coalition, in a state that does not depend on earlier use (so that results are
     * deterministic whatever thread ran what before).
     *
     * @return {@code v(∅)}
     */
    double reset();

    /** Adds {@code player} (not yet in the prefix) and returns the value of the grown prefix. */
    double add(int player);

    /** Coalition solves done so far by this cursor. */
    long evaluations();
  }

  /**
   * An abstract value function over bitmasks ({@code n ≤ 63}), e.g. for tests and textbook games.
   *
   * @param v {@code v(mask)}; {@code v(0)} is the value of the empty coalition
   */
  static PermutationValues ofMasks(int n, LongToDoubleFunction v) {
    if (n < 1 || n > 63) {
      throw new InvalidModelException("players", n, "mask value functions support 1 to 63 players");
    }
    return new PermutationValues() {
      @Override public int size() {
        return n;
      }

      @Override public Cursor cursor() {
        return new Cursor() {
          private long mask;
          private long evaluations;

          @Override public double reset() {
            mask = 0;
            evaluations++;
            return v.applyAsDouble(0L);
          }

          @Override public double add(int player) {
            if (player < 0 || player >= n || (mask >>> player & 1L) != 0) {
              throw new InvalidModelException("player", player, "must be a player not yet in the prefix");
            }
            mask |= 1L << player;
            evaluations++;
            return v.applyAsDouble(mask);
          }

          @Override public long evaluations() {
            return evaluations;
          }
        };
      }
    };
  }
}
