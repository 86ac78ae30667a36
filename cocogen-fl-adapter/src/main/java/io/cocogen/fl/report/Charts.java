package io.cocogen.fl.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Line and bar charts written as PNG (XChart's bitmap encoder) and SVG (XChart's vector encoder, backed by
 * VectorGraphics2D). Runs headless: {@code java.awt.headless} is set to true unless already set.
 */
public final class Charts {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 560;

  private Charts() {}

  /** One line of a line chart. */
  public record Line(String name, double[] x, double[] y) {}

  /** A line chart; points with a non-finite y are dropped. */
  public static XYChart lines(String title, String xTitle, String yTitle, List<Line> lines, boolean logX) {
    headless();
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setXAxisLogarithmic(logX);
    for (Line l : lines) {
      int ok = 0;
      for (double v : l.y()) {
        if (Double.isFinite(v)) {
          ok++;
        }
      }
      double[] x = new double[ok];
      double[] y = new double[ok];
      for (int i = 0, t = 0; i < l.y().length; i++) {
        if (Double.isFinite(l.y()[i])) {
          x[t] = l.x()[i];
          y[t++] = l.y()[i];
        }
      }
      if (ok > 0) {
        chart.addSeries(l.name(), x, y);
      }
    }
    return chart;
  }

  /** A grouped bar chart: one series per entry of {@code series}, one bar per category. */
  public static CategoryChart bars(String title, String xTitle, String yTitle, List<String> categories,
      Map<String, List<Double>> series) {
    headless();
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    for (Map.Entry<String, List<Double>> e : series.entrySet()) {
      chart.addSeries(e.getKey(), categories, e.getValue());
    }
    return chart;
  }

  /** Writes {@code dir/base.png} and {@code dir/base.svg}. */
  public static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path dir, String base)
      throws IOException {
    Files.createDirectories(dir);
    BitmapEncoder.saveBitmap(chart, dir.resolve(base + ".png").toString(), BitmapEncoder.BitmapFormat.PNG);
    VectorGraphicsEncoder.saveVectorGraphic(chart, dir.resolve(base + ".svg").toString(),
        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
  }

  private static void headless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }
}
