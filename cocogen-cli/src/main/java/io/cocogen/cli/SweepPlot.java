package io.cocogen.cli;

import io.cocogen.solver.Sweep;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The sweep chart: social welfare of NE, SO, VCFL and WCO against the swept parameter. */
final class SweepPlot {
  private static final BasicStroke SOLID = new BasicStroke(2.5f);
  private static final BasicStroke DASHED = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
      new float[] {9f, 6f}, 0f);
  private SweepPlot() {}

  static XYChart chart(Sweep.Table table) {
    String key = table.parameter().key();
    XYChart chart = new XYChartBuilder().width(1000).height(620)
        .title("Social welfare vs " + key)
        .xAxisTitle(key)
        .yAxisTitle("social welfare SW (money per round)")
        .build();
    Styler.ChartTheme theme = Styler.ChartTheme.XChart;
    chart.getStyler().setTheme(theme.newInstance(theme));
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridLinesColor(new Color(220, 220, 220));
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setLegendBorderColor(Color.WHITE);
    Font base = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    chart.getStyler().setChartTitleFont(base.deriveFont(Font.BOLD, 20f));
    chart.getStyler().setAxisTitleFont(base);
    chart.getStyler().setAxisTickLabelsFont(base.deriveFont(14f));
    chart.getStyler().setLegendFont(base.deriveFont(15f));
    chart.getStyler().setMarkerSize(8);
    chart.getStyler().setYAxisDecimalPattern("#,##0.##");
    chart.getStyler().setChartTitleBoxVisible(false);
    chart.getStyler().setPlotBorderVisible(true);

    List<Sweep.Row> rows = new ArrayList<>(table.rows());
    rows.sort(Comparator.comparingDouble(Sweep.Row::value));
    // WCO is dashed and drawn before NE: the two often nearly coincide, and NE must stay visible.
    series(chart, rows, "SO (CoCoGen+)", Sweep.Row::optimumWelfare, new Color(0, 114, 178), SeriesMarkers.CIRCLE,
        SOLID);
    series(chart, rows, "WCO", Sweep.Row::wcoWelfare, new Color(0, 158, 115), SeriesMarkers.SQUARE, DASHED);
    series(chart, rows, "NE (CoCoGen)", Sweep.Row::nashWelfare, new Color(213, 94, 0), SeriesMarkers.DIAMOND,
        SOLID);
    series(chart, rows, "VCFL", Sweep.Row::vcflWelfare, new Color(90, 90, 90), SeriesMarkers.TRIANGLE_UP, SOLID);
    return chart;
  }

  private static void series(XYChart chart, List<Sweep.Row> rows, String name, ToDoubleFunction<Sweep.Row> y,
      Color color, org.knowm.xchart.style.markers.Marker marker, BasicStroke stroke) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (Sweep.Row r : rows) {
      double v = y.applyAsDouble(r);
      if (Double.isFinite(v) && Double.isFinite(r.value())) {
        xs.add(r.value());
        ys.add(v);
      }
    }
    if (xs.isEmpty()) {
      return;
    }
    XYSeries s = chart.addSeries(name, xs, ys);
    s.setLineColor(color);
    s.setMarkerColor(color);
    s.setMarker(marker);
    s.setLineStyle(stroke);
  }

  /** Writes {@code sweep.png} and {@code sweep.svg} into {@code dir}; returns the two paths. */
  static List<Path> write(Sweep.Table table, Path dir) throws IOException {
    XYChart chart = chart(table);
    Path png = dir.resolve("sweep.png");
    Path svg = dir.resolve("sweep.svg");
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    VectorGraphicsEncoder.saveVectorGraphic(chart, svg.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    return List.of(png, svg);
  }
}
