package dev.klingbot.core.quota;

import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/** A bar chart of units per day for a usage report (JFreeChart), written as PNG. */
public final class UsageChart {
  static final int WIDTH = 900;
  static final int HEIGHT = 420;

  private UsageChart() {}

  /**
   * Writes the chart as a PNG. {@code title} is asked in the current language; where no installed
   * font can draw that language (Chinese on a machine without Han glyphs), the chart is drawn in
   * English instead of as empty boxes.
   */
  public static Path write(UsageReport report, Supplier<String> title, Path file) {
    JFreeChart chart = chart(report, title.get());
    if (!drawable(chart)) {
      try (Messages.Scope english = Messages.use(Lang.EN)) {
        chart = chart(report, title.get());
      }
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the usage chart", e);
    }
    return file;
  }

  /** The chart itself; units are whole numbers, so the y axis only has whole-number ticks. */
  static JFreeChart chart(UsageReport report, String title) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    Map<LocalDate, Integer> byDay = new HashMap<>();
    report.days().forEach(day -> byDay.put(day.day(), day.units()));
    for (LocalDate day = report.from(); !day.isAfter(report.to()); day = day.plusDays(1)) {
      data.addValue(byDay.getOrDefault(day, 0), "units", Integer.toString(day.getDayOfMonth()));
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            title,
            Messages.text("quota.chart.axis.day"),
            Messages.text("quota.chart.axis.units"),
            data,
            PlotOrientation.VERTICAL,
            false,
            false,
            false);
    chart.setBackgroundPaint(Color.WHITE);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(new Color(248, 248, 250));
    plot.setRangeGridlinePaint(new Color(200, 200, 210));
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setSeriesPaint(0, new Color(88, 101, 242));
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    NumberAxis units = (NumberAxis) plot.getRangeAxis();
    units.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    units.setAutoRangeMinimumSize(1);
    readable(chart, plot, words(chart));
    return chart;
  }

  private static String words(JFreeChart chart) {
    CategoryPlot plot = chart.getCategoryPlot();
    return chart.getTitle().getText()
        + plot.getDomainAxis().getLabel()
        + plot.getRangeAxis().getLabel();
  }

  /** Whether the chart's title font can draw all its words. */
  static boolean drawable(JFreeChart chart) {
    return chart.getTitle().getFont().canDisplayUpTo(words(chart)) < 0;
  }

  /**
   * Where the default fonts cannot draw the words (Chinese on a machine whose default font has no
   * Han glyphs), title and axis labels use an installed font that can; when none can, they stay.
   */
  private static void readable(JFreeChart chart, CategoryPlot plot, String words) {
    Font titleFont = chart.getTitle().getFont();
    if (titleFont.canDisplayUpTo(words) < 0) {
      return;
    }
    Optional<String> family =
        Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts())
            .filter(font -> font.canDisplayUpTo(words) < 0)
            .map(Font::getFamily)
            .findFirst();
    if (family.isEmpty()) {
      return;
    }
    chart.getTitle().setFont(new Font(family.get(), titleFont.getStyle(), titleFont.getSize()));
    for (Axis axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
      Font label = axis.getLabelFont();
      axis.setLabelFont(new Font(family.get(), label.getStyle(), label.getSize()));
    }
  }
}
