package io.cocogen.fl.train;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * One-hidden-layer perceptron {@code softmax(relu(x W1 + b1) W2 + b2)}. Parameters are laid out as
 * {@code W1} ({@code featureDim x hidden}, row-major), {@code b1}, {@code W2} ({@code hidden x numClasses}),
 * {@code b2}. Weights start from He initialisation ({@code N(0, 2 / fanIn)}) drawn from the seed, biases
 * from zero.
 */
public final class Mlp extends DenseModel {
  private final int hidden;
  private final DMatrixRMaj w1;
  private final double[] b1;
  private final DMatrixRMaj w2;
  private final double[] b2;
  private final DMatrixRMaj gw1;
  private final double[] gb1;
  private final DMatrixRMaj gw2;
  private final double[] gb2;
  /** Hidden activations of the batch, {@code batch x hidden}. */
  private final DMatrixRMaj h = new DMatrixRMaj(1, 1);
  /** Error at the hidden layer, {@code batch x hidden}. */
  private final DMatrixRMaj dh = new DMatrixRMaj(1, 1);

  /**
   * @param featureDim inputs per row
   * @param hidden width of the hidden layer, at least 1
   * @param numClasses outputs, at least 2
   * @param seed seed of the He initialisation
   */
  public Mlp(int featureDim, int hidden, int numClasses, long seed) {
    this(featureDim, hidden, numClasses);
    SplittableRandom rng = new SplittableRandom(seed);
    double s1 = Math.sqrt(2.0 / featureDim);
    for (int i = 0; i < w1.data.length; i++) {
      w1.data[i] = s1 * rng.nextGaussian();
    }
    double s2 = Math.sqrt(2.0 / hidden);
    for (int i = 0; i < w2.data.length; i++) {
      w2.data[i] = s2 * rng.nextGaussian();
    }
  }

  /** All-zero parameters; only for {@link #copy()}, which overwrites them. */
  private Mlp(int featureDim, int hidden, int numClasses) {
    super(featureDim, numClasses);
    if (hidden < 1) {
      throw new IllegalArgumentException("hidden = " + hidden + ": must be >= 1");
    }
    this.hidden = hidden;
    w1 = new DMatrixRMaj(featureDim, hidden);
    b1 = new double[hidden];
    w2 = new DMatrixRMaj(hidden, numClasses);
    b2 = new double[numClasses];
    gw1 = new DMatrixRMaj(featureDim, hidden);
    gb1 = new double[hidden];
    gw2 = new DMatrixRMaj(hidden, numClasses);
    gb2 = new double[numClasses];
  }

  /** Width of the hidden layer. */
  public int hidden() {
    return hidden;
  }

  @Override
  public int numParameters() {
    return featureDim * hidden + hidden + hidden * numClasses + numClasses;
  }

  @Override
  public double[] parameters() {
    double[] p = new double[numParameters()];
    int o = 0;
    System.arraycopy(w1.data, 0, p, o, featureDim * hidden);
    o += featureDim * hidden;
    System.arraycopy(b1, 0, p, o, hidden);
    o += hidden;
    System.arraycopy(w2.data, 0, p, o, hidden * numClasses);
    o += hidden * numClasses;
    System.arraycopy(b2, 0, p, o, numClasses);
    return p;
  }

  @Override
  public void setParameters(double[] parameters) {
    checkLength("parameters", parameters, numParameters());
    int o = 0;
    System.arraycopy(parameters, o, w1.data, 0, featureDim * hidden);
    o += featureDim * hidden;
    System.arraycopy(parameters, o, b1, 0, hidden);
    o += hidden;
    System.arraycopy(parameters, o, w2.data, 0, hidden * numClasses);
    o += hidden * numClasses;
    System.arraycopy(parameters, o, b2, 0, numClasses);
  }

  @Override
  public Mlp copy() {
    Mlp m = new Mlp(featureDim, hidden, numClasses);
    m.setParameters(parameters());
    return m;
  }

  @Override
  void forward() {
    int rows = x.numRows;
    h.reshape(rows, hidden);
    Kernels.mult(x.data, w1.data, h.data, rows, featureDim, hidden);
    double[] hd = h.data;
    for (int r = 0; r < rows; r++) {
      int base = r * hidden;
      for (int j = 0; j < hidden; j++) {
        double v = hd[base + j] + b1[j];
        hd[base + j] = v > 0 ? v : 0;
      }
    }
    z.reshape(rows, numClasses);
    Kernels.mult(h.data, w2.data, z.data, rows, hidden, numClasses);
    addRowVector(z, b2);
  }

  @Override
  void backward() {
    int rows = h.numRows;
    Kernels.multTransA(h.data, z.data, gw2.data, rows, hidden, numClasses);
    columnSums(z, gb2);
    dh.reshape(h.numRows, hidden);
    Kernels.multTransB(z.data, w2.data, dh.data, rows, hidden, numClasses);
    double[] dd = dh.data;
    double[] hd = h.data;
    int n = h.numRows * hidden;
    for (int i = 0; i < n; i++) {
      if (hd[i] <= 0) {
        dd[i] = 0;
      }
    }
    Kernels.multTransA(x.data, dh.data, gw1.data, rows, featureDim, hidden);
    columnSums(dh, gb1);
  }

  @Override
  void applyGradient(double learningRate, double weightDecay) {
    sgdUpdate(w1.data, gw1.data, featureDim * hidden, learningRate, weightDecay);
    sgdUpdate(b1, gb1, hidden, learningRate, 0);
    sgdUpdate(w2.data, gw2.data, hidden * numClasses, learningRate, weightDecay);
    sgdUpdate(b2, gb2, numClasses, learningRate, 0);
  }

  @Override
  void copyGradient(double[] out) {
    int o = 0;
    System.arraycopy(gw1.data, 0, out, o, featureDim * hidden);
    o += featureDim * hidden;
    System.arraycopy(gb1, 0, out, o, hidden);
    o += hidden;
    System.arraycopy(gw2.data, 0, out, o, hidden * numClasses);
    o += hidden * numClasses;
    System.arraycopy(gb2, 0, out, o, numClasses);
  }

  @Override
  public String toString() {
    return "Mlp[" + featureDim + " -> " + hidden + " -> " + numClasses + "]";
  }
}
