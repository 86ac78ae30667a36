package io.cocogen.fl.data;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (Zalando; 60,000 training and 10,000 test grey-scale 28 x 28 images of 10 clothing
 * classes) from the gzipped IDX files that the Debian package {@code dataset-fashion-mnist} installs.
 */
public final class FashionMnist {
  /** Where the Debian package {@code dataset-fashion-mnist} puts the files. */
  public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");
  /** Number of classes. */
  public static final int NUM_CLASSES = 10;
  /** Class names, indexed by label. */
  public static final List<String> CLASS_NAMES = List.of(
      "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  private static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
  private static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
  private static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
  private static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

  private FashionMnist() {}

  /** The official training and test sets. */
  public record Data(Dataset train, Dataset test) {}

  /** True when all four files are present in {@code dir}. */
  public static boolean isAvailable(Path dir) {
    for (String f : List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS)) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        return false;
      }
    }
    return true;
  }

  /** Loads from {@link #DEFAULT_DIR}. */
  public static Data load() throws IOException {
    return load(DEFAULT_DIR);
  }

  /**
   * Loads the training and test sets from {@code dir}; pixels are scaled to {@code [0, 1]}.
   *
   * @throws FileNotFoundException when the directory or one of its four files is missing
   * @throws IdxFormatException when a file is malformed
   */
  public static Data load(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new FileNotFoundException("Fashion-MNIST directory " + dir
          + " does not exist; install the Debian package dataset-fashion-mnist (apt-get install dataset-fashion-mnist)");
    }
    for (String f : List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS)) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        throw new FileNotFoundException("Fashion-MNIST file " + dir.resolve(f)
            + " is missing; install the Debian package dataset-fashion-mnist (apt-get install dataset-fashion-mnist)");
      }
    }
    Dataset train = IdxLoader.load(dir.resolve(TRAIN_IMAGES), dir.resolve(TRAIN_LABELS), NUM_CLASSES);
    Dataset test = IdxLoader.load(dir.resolve(TEST_IMAGES), dir.resolve(TEST_LABELS), NUM_CLASSES);
    return new Data(train, test);
  }
}
