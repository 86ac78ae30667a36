package io.cocogen.api;

/**
 * Generation cost {@code c_i(s)} as a specification; the default is {@link QuadraticCost}
 * {@code κ_i s + ½ η_i s²}. Bound costs must be convex, non-decreasing and 0 at 0.
 */
public interface CostModel {

  String name();

  BoundCost bind(Federation federation);

  /** Cost bound to one federation. Must not allocate. */
  interface BoundCost {
    double cost(int i, double s);

    double marginal(int i, double s);

    double curvature(int i, double s);
  }
}
