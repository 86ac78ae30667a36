package io.cocogen.api;

/**
 * A learning-performance model (MODEL.md §2) as a specification. Binding it to a federation gives the
 * {@link BoundPerformance} the solvers evaluate. Every model must meet the structural contract
 * {@code G_i(s) = G(z) + g_i(s_i)} with {@code z = Σ_j a_j s_j}, {@code G} concave in {@code z} and
 * every {@code g_i} concave; the solvers rely on it.
 */
public interface PerformanceModel {

  /** Name used in scenarios and reports (the default is {@code scaling-law}). */
  String name();

  /** Binds the model to the organizations of one round (or coalition). */
  BoundPerformance bind(Federation federation);
}
