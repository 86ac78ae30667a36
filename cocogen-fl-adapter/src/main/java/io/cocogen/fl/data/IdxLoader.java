package io.cocogen.fl.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader for the IDX format of MNIST-style data sets: a big-endian header (magic {@code 0x00000803} for
 * unsigned-byte 3-d image arrays, {@code 0x00000801} for unsigned-byte label vectors, then the dimension
 * sizes) followed by the bytes. Files may be gzipped (detected by the gzip magic) or plain. Pixels are
 * scaled to {@code [0, 1]} by dividing by 255.
 */
public final class IdxLoader {
  /** Magic number of an unsigned-byte array with 3 dimensions (images). */
  public static final int IMAGES_MAGIC = 0x00000803;
  /** Magic number of an unsigned-byte array with 1 dimension (labels). */
  public static final int LABELS_MAGIC = 0x00000801;

  private IdxLoader() {}

  /**
   * Images read from an IDX file.
   *
   * @param count number of images
   * @param rows rows per image
   * @param cols columns per image
   * @param pixels {@code count * rows * cols} values in {@code [0, 1]}, image-major then row-major; owned by the caller
   */
  public record Images(int count, int rows, int cols, float[] pixels) {}

  /**
   * Reads an image file and a label file into one data set with {@code rows * cols} features.
   *
   * @param numClasses number of classes; every label must be below it
   * @throws IdxFormatException when a file is malformed or the two files disagree on the item count
   */
  public static Dataset load(Path imagesFile, Path labelsFile, int numClasses) throws IOException {
    if (numClasses < 1) {
      throw new IllegalArgumentException("numClasses = " + numClasses + ": must be >= 1");
    }
    Images images = readImages(imagesFile);
    int[] labels = readLabels(labelsFile);
    if (images.count() != labels.length) {
      throw new IdxFormatException(imagesFile, "has " + images.count() + " images but labels file " + labelsFile + " has "
          + labels.length + " labels");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= numClasses) {
        throw new IdxFormatException(labelsFile, "label " + i + " is " + labels[i] + ", outside [0, " + numClasses + ")");
      }
    }
    return Dataset.owning(images.pixels(), labels, images.rows() * images.cols(), numClasses);
  }

  /** Reads an IDX image file (magic {@code 0x00000803}). */
  public static Images readImages(Path file) throws IOException {
    try (DataInputStream in = open(file)) {
      checkMagic(file, in, IMAGES_MAGIC, "images");
      int count = readDim(file, in, "image count");
      int rows = readDim(file, in, "row count");
      int cols = readDim(file, in, "column count");
      long total = (long) count * rows * cols;
      if (total > Integer.MAX_VALUE - 16) {
        throw new IdxFormatException(file, "header declares " + count + " x " + rows + " x " + cols + " pixels, too many to load");
      }
      byte[] bytes = readBody(file, in, (int) total, count + " images of " + rows + " x " + cols + " pixels");
      float[] pixels = new float[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        pixels[i] = (bytes[i] & 0xFF) / 255f;
      }
      return new Images(count, rows, cols, pixels);
    } catch (IdxFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new IdxFormatException(file, "cannot be read: " + e, e);
    }
  }

  /** Reads an IDX label file (magic {@code 0x00000801}); labels are unsigned bytes. */
  public static int[] readLabels(Path file) throws IOException {
    try (DataInputStream in = open(file)) {
      checkMagic(file, in, LABELS_MAGIC, "labels");
      int count = readDim(file, in, "label count");
      byte[] bytes = readBody(file, in, count, count + " labels");
      int[] labels = new int[count];
      for (int i = 0; i < count; i++) {
        labels[i] = bytes[i] & 0xFF;
      }
      return labels;
    } catch (IdxFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new IdxFormatException(file, "cannot be read: " + e, e);
    }
  }

  private static DataInputStream open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IdxFormatException(file, "no such file");
    }
    BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    try {
      raw.mark(2);
      int b0 = raw.read();
      int b1 = raw.read();
      raw.reset();
      InputStream body = (b0 == 0x1f && b1 == 0x8b) ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
      return new DataInputStream(body);
    } catch (ZipException | EOFException e) {
      raw.close();
      throw new IdxFormatException(file, "corrupt or truncated gzip header: " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  private static void checkMagic(Path file, DataInputStream in, int expected, String kind) throws IOException {
    int magic;
    try {
      magic = in.readInt();
    } catch (EOFException e) {
      throw new IdxFormatException(file, "truncated: ends before the 4-byte magic number", e);
    }
    if (magic != expected) {
      throw new IdxFormatException(file, String.format("bad magic number 0x%08X, expected 0x%08X (IDX %s)", magic, expected, kind));
    }
  }

  private static int readDim(Path file, DataInputStream in, String what) throws IOException {
    int v;
    try {
      v = in.readInt();
    } catch (EOFException e) {
      throw new IdxFormatException(file, "truncated: header ends before the " + what, e);
    }
    if (v < 0) {
      throw new IdxFormatException(file, "header " + what + " is negative (" + v + ")");
    }
    return v;
  }

  private static byte[] readBody(Path file, DataInputStream in, int length, String what) throws IOException {
    byte[] bytes = new byte[length];
    int off = 0;
    try {
      while (off < length) {
        int r = in.read(bytes, off, length - off);
        if (r < 0) {
          break;
        }
        off += r;
      }
    } catch (EOFException e) {
      throw new IdxFormatException(file, "truncated: header declares " + what + " (" + length + " bytes) but the data ends after "
          + off + " bytes (" + e.getMessage() + ")", e);
    } catch (ZipException e) {
      throw new IdxFormatException(file, "corrupt gzip data after " + off + " of " + length + " bytes: " + e.getMessage(), e);
    }
    if (off < length) {
      throw new IdxFormatException(file, "truncated: header declares " + what + " (" + length + " bytes) but the data ends after "
          + off + " bytes");
    }
    try {
      if (in.read() >= 0) {
        throw new IdxFormatException(file, "has trailing bytes after the " + what + " that its header declares");
      }
    } catch (EOFException | ZipException e) {
      // A broken gzip trailer after complete data: report it rather than return data of unknown integrity.
      throw new IdxFormatException(file, "corrupt gzip trailer after the " + what + ": " + e.getMessage(), e);
    }
    return bytes;
  }
}
