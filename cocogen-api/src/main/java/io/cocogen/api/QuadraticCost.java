package io.cocogen.api;

/** {@code c_i(s) = κ_i s + ½ η_i s²} from each organization's {@code unitCost} and {@code quadraticCost}. */
public record QuadraticCost() implements CostModel {
  public static final QuadraticCost INSTANCE = new QuadraticCost();

  @Override public String name() { return "quadratic"; }

  @Override
  public BoundCost bind(Federation f) {
    double[] k = f.unitCost();
    double[] e = f.quadraticCost();
    return new BoundCost() {
      @Override public double cost(int i, double s) { return s * (k[i] + 0.5 * e[i] * s); }
      @Override public double marginal(int i, double s) { return k[i] + e[i] * s; }
      @Override public double curvature(int i, double s) { return e[i]; }
    };
  }
}
