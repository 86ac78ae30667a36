package io.cocogen.fl.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxLoaderTest {
  @TempDir
  Path dir;

  private static byte[] imagesIdx(int magic, int count, int rows, int cols, byte[] pixels) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(magic);
      out.writeInt(count);
      out.writeInt(rows);
      out.writeInt(cols);
      out.write(pixels);
    }
    return bytes.toByteArray();
  }

  private static byte[] labelsIdx(int magic, byte[] labels) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(magic);
      out.writeInt(labels.length);
      out.write(labels);
    }
    return bytes.toByteArray();
  }

  private Path write(String name, byte[] content, boolean gzip) throws IOException {
    Path p = dir.resolve(name);
    try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
      out.write(content);
    }
    return p;
  }

  private static byte[] pixels(int n) {
    byte[] px = new byte[n];
    for (int i = 0; i < n; i++) {
      px[i] = (byte) (i * 37 % 256);
    }
    return px;
  }

  @Test
  void gzippedRoundTripScalesPixelsAndKeepsLabels() throws IOException {
    byte[] px = pixels(3 * 2 * 4);
    px[0] = (byte) 255;
    px[1] = 0;
    Path images = write("img.gz", imagesIdx(IdxLoader.IMAGES_MAGIC, 3, 2, 4, px), true);
    Path labels = write("lab.gz", labelsIdx(IdxLoader.LABELS_MAGIC, new byte[] {2, 0, 1}), true);

    Dataset d = IdxLoader.load(images, labels, 3);

    assertThat(d.size()).isEqualTo(3);
    assertThat(d.featureDim()).isEqualTo(8);
    assertThat(d.numClasses()).isEqualTo(3);
    assertThat(d.labels()).containsExactly(2, 0, 1);
    assertThat(d.feature(0, 0)).isEqualTo(1f);
    assertThat(d.feature(0, 1)).isEqualTo(0f);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 8; j++) {
        assertThat(d.feature(i, j)).isEqualTo((px[i * 8 + j] & 0xFF) / 255f);
      }
    }
  }

  @Test
  void plainFilesAreReadToo() throws IOException {
    byte[] px = pixels(2 * 3 * 3);
    Path images = write("img", imagesIdx(IdxLoader.IMAGES_MAGIC, 2, 3, 3, px), false);
    IdxLoader.Images im = IdxLoader.readImages(images);
    assertThat(im.count()).isEqualTo(2);
    assertThat(im.rows()).isEqualTo(3);
    assertThat(im.cols()).isEqualTo(3);
    assertThat(im.pixels()[5]).isEqualTo((px[5] & 0xFF) / 255f);
  }

  @Test
  void badMagicNamesFileAndNumbers() throws IOException {
    Path images = write("img.gz", imagesIdx(0x00000801, 1, 2, 2, pixels(4)), true);
    assertThatThrownBy(() -> IdxLoader.readImages(images))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageContaining(images.toString())
        .hasMessageContaining("bad magic number 0x00000801")
        .hasMessageContaining("0x00000803");
    Path labels = write("lab.gz", labelsIdx(0x12345678, new byte[] {1}), true);
    assertThatThrownBy(() -> IdxLoader.readLabels(labels))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageContaining("lab.gz")
        .hasMessageContaining("0x12345678");
  }

  @Test
  void truncatedPixelDataIsReportedWithSizes() throws IOException {
    byte[] full = imagesIdx(IdxLoader.IMAGES_MAGIC, 5, 2, 2, pixels(20));
    Path images = write("img.gz", Arrays.copyOf(full, full.length - 7), true);
    assertThatThrownBy(() -> IdxLoader.readImages(images))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageContaining("img.gz")
        .hasMessageContaining("truncated")
        .hasMessageContaining("20 bytes")
        .hasMessageContaining("after 13 bytes");
  }

  @Test
  void truncatedHeaderAndTruncatedGzipStreamAreReported() throws IOException {
    Path header = write("hdr.gz", new byte[] {0, 0, 8, 3, 0, 0}, true);
    assertThatThrownBy(() -> IdxLoader.readImages(header))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageContaining("hdr.gz")
        .hasMessageContaining("truncated");

    // Cut the compressed file itself: the gzip stream ends early.
    Path whole = write("whole.gz", imagesIdx(IdxLoader.IMAGES_MAGIC, 50, 8, 8, pixels(3200)), true);
    byte[] gz = Files.readAllBytes(whole);
    Path cut = dir.resolve("cut.gz");
    Files.write(cut, Arrays.copyOf(gz, gz.length / 2));
    assertThatThrownBy(() -> IdxLoader.readImages(cut))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageContaining("cut.gz");
  }

  @Test
  void trailingBytesAreRejected() throws IOException {
    byte[] full = imagesIdx(IdxLoader.IMAGES_MAGIC, 1, 2, 2, pixels(6));
    Path images = write("img.gz", full, true);
    assertThatThrownBy(() -> IdxLoader.readImages(images))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageContaining("trailing");
  }

  @Test
  void mismatchedCountsAndOutOfRangeLabelsAreRejected() throws IOException {
    Path images = write("img.gz", imagesIdx(IdxLoader.IMAGES_MAGIC, 3, 1, 2, pixels(6)), true);
    Path two = write("two.gz", labelsIdx(IdxLoader.LABELS_MAGIC, new byte[] {0, 1}), true);
    assertThatThrownBy(() -> IdxLoader.load(images, two, 10))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageContaining("3 images")
        .hasMessageContaining("2 labels")
        .hasMessageContaining("two.gz");
    Path big = write("big.gz", labelsIdx(IdxLoader.LABELS_MAGIC, new byte[] {0, 1, 10}), true);
    assertThatThrownBy(() -> IdxLoader.load(images, big, 10))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageContaining("big.gz")
        .hasMessageContaining("label 2 is 10");
  }

  @Test
  void missingFileAndMissingDirectoryAreExplained() {
    assertThatThrownBy(() -> IdxLoader.readLabels(dir.resolve("nope.gz")))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageContaining("nope.gz")
        .hasMessageContaining("no such file");
    Path missing = dir.resolve("fashion");
    assertThat(FashionMnist.isAvailable(missing)).isFalse();
    assertThatThrownBy(() -> FashionMnist.load(missing))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("install the Debian package dataset-fashion-mnist");
  }
}
