package io.cocogen.fl.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * The UCI "Optical Recognition of Handwritten Digits" data set (1797 8 x 8 images, features 0..16,
 * 10 classes) as shipped by scikit-learn, embedded as the classpath resource {@value #RESOURCE}
 * (see {@code DIGITS-LICENSE.txt} beside it). Small enough to train on in every test run.
 */
public final class DigitsLoader {
  /** Classpath location of the gzipped CSV: 64 feature columns then the label, no header. */
  public static final String RESOURCE = "/io/cocogen/fl/data/digits.csv.gz";
  /** Number of samples in the resource. */
  public static final int SIZE = 1797;
  /** Features per sample (8 x 8 pixels). */
  public static final int FEATURE_DIM = 64;
  /** Number of classes (digits 0..9). */
  public static final int NUM_CLASSES = 10;
  private static final int MAX_VALUE = 16;

  private DigitsLoader() {}

  /** Loads the data set, features scaled from {@code 0..16} to {@code [0, 1]}. */
  public static Dataset load() {
    InputStream raw = DigitsLoader.class.getResourceAsStream(RESOURCE);
    if (raw == null) {
      throw new IllegalStateException("classpath resource " + RESOURCE + " is missing from the cocogen-fl-adapter jar");
    }
    float[] features = new float[SIZE * FEATURE_DIM];
    int[] labels = new int[SIZE];
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII))) {
      int row = 0;
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        if (row >= SIZE) {
          throw new IllegalStateException(RESOURCE + ": more than " + SIZE + " rows");
        }
        String[] cells = line.split(",");
        if (cells.length != FEATURE_DIM + 1) {
          throw new IllegalStateException(RESOURCE + ": row " + row + " has " + cells.length + " columns, expected " + (FEATURE_DIM + 1));
        }
        for (int j = 0; j < FEATURE_DIM; j++) {
          int v = Integer.parseInt(cells[j].trim());
          if (v < 0 || v > MAX_VALUE) {
            throw new IllegalStateException(RESOURCE + ": row " + row + " column " + j + " is " + v + ", outside 0.." + MAX_VALUE);
          }
          features[row * FEATURE_DIM + j] = v / (float) MAX_VALUE;
        }
        int y = Integer.parseInt(cells[FEATURE_DIM].trim());
        if (y < 0 || y >= NUM_CLASSES) {
          throw new IllegalStateException(RESOURCE + ": row " + row + " has label " + y + ", outside 0.." + (NUM_CLASSES - 1));
        }
        labels[row] = y;
        row++;
      }
      if (row != SIZE) {
        throw new IllegalStateException(RESOURCE + ": " + row + " rows, expected " + SIZE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE + ": cannot be read", e);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(RESOURCE + ": non-integer cell: " + e.getMessage(), e);
    }
    return Dataset.owning(features, labels, FEATURE_DIM, NUM_CLASSES);
  }
}
