package io.cocogen.fl.train;

import org.ejml.data.DMatrixRMaj;

/**
 * Multinomial logistic regression: {@code softmax(x W + b)}. Parameters are laid out as {@code W}
 * ({@code featureDim x numClasses}, row-major) followed by {@code b}. Starts at zero, which is fine
 * because the loss is convex.
 */
public final class SoftmaxRegression extends DenseModel {
  private final DMatrixRMaj w;
  private final double[] b;
  private final DMatrixRMaj gw;
  private final double[] gb;

  /** A zero-initialised model. */
  public SoftmaxRegression(int featureDim, int numClasses) {
    super(featureDim, numClasses);
    w = new DMatrixRMaj(featureDim, numClasses);
    b = new double[numClasses];
    gw = new DMatrixRMaj(featureDim, numClasses);
    gb = new double[numClasses];
  }

  @Override
  public int numParameters() {
    return featureDim * numClasses + numClasses;
  }

  @Override
  public double[] parameters() {
    double[] p = new double[numParameters()];
    System.arraycopy(w.data, 0, p, 0, featureDim * numClasses);
    System.arraycopy(b, 0, p, featureDim * numClasses, numClasses);
    return p;
  }

  @Override
  public void setParameters(double[] parameters) {
    checkLength("parameters", parameters, numParameters());
    System.arraycopy(parameters, 0, w.data, 0, featureDim * numClasses);
    System.arraycopy(parameters, featureDim * numClasses, b, 0, numClasses);
  }

  @Override
  public SoftmaxRegression copy() {
    SoftmaxRegression m = new SoftmaxRegression(featureDim, numClasses);
    m.setParameters(parameters());
    return m;
  }

  @Override
  void forward() {
    z.reshape(x.numRows, numClasses);
    Kernels.mult(x.data, w.data, z.data, x.numRows, featureDim, numClasses);
    addRowVector(z, b);
  }

  @Override
  void backward() {
    Kernels.multTransA(x.data, z.data, gw.data, x.numRows, featureDim, numClasses);
    columnSums(z, gb);
  }

  @Override
  void applyGradient(double learningRate, double weightDecay) {
    sgdUpdate(w.data, gw.data, featureDim * numClasses, learningRate, weightDecay);
    sgdUpdate(b, gb, numClasses, learningRate, 0);
  }

  @Override
  void copyGradient(double[] out) {
    System.arraycopy(gw.data, 0, out, 0, featureDim * numClasses);
    System.arraycopy(gb, 0, out, featureDim * numClasses, numClasses);
  }

  @Override
  public String toString() {
    return "SoftmaxRegression[" + featureDim + " -> " + numClasses + "]";
  }
}
