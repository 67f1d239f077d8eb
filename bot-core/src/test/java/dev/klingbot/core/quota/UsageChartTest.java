package dev.klingbot.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageChartTest {
  private static final LocalDate FROM = LocalDate.of(2025, 3, 1);

  private static UsageReport report(int... unitsPerDay) {
    List<UsageReport.Day> days = new java.util.ArrayList<>();
    int total = 0;
    for (int i = 0; i < unitsPerDay.length; i++) {
      days.add(new UsageReport.Day(FROM.plusDays(i), unitsPerDay[i], 1));
      total += unitsPerDay[i];
    }
    return new UsageReport(
        FROM, FROM.plusDays(unitsPerDay.length - 1), total, days.size(), 0, days, List.of());
  }

  @Test
  void aQuietMonthStillCountsWholeUnitsOnTheYAxis() {
    JFreeChart chart = UsageChart.chart(report(1, 2, 0, 1), "March");
    // Laying the chart out is what picks the tick unit, as it does when the PNG is written.
    chart.createBufferedImage(UsageChart.WIDTH, UsageChart.HEIGHT);

    NumberAxis units = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
    double tick = units.getTickUnit().getSize();
    assertThat(tick).isGreaterThanOrEqualTo(1.0);
    assertThat(tick % 1.0).isZero();
    assertThat(units.getStandardTickUnits().getCeilingTickUnit(0.3).getSize()).isEqualTo(1.0);
  }

  @Test
  void aMonthWithNoSpendingStillDrawsWholeUnits() {
    JFreeChart chart = UsageChart.chart(report(0, 0, 0), "March");
    chart.createBufferedImage(UsageChart.WIDTH, UsageChart.HEIGHT);

    double tick = ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).getTickUnit().getSize();
    assertThat(tick % 1.0).isZero();
    assertThat(tick).isPositive();
  }

  @Test
  void theChartIsWrittenAsAPngOfTheDocumentedSize(@TempDir Path dir) throws Exception {
    Path file = UsageChart.write(report(3, 7), () -> "March", dir.resolve("charts/usage.png"));

    BufferedImage image = ImageIO.read(Files.newInputStream(file));
    assertThat(image.getWidth()).isEqualTo(UsageChart.WIDTH);
    assertThat(image.getHeight()).isEqualTo(UsageChart.HEIGHT);
  }

  @Test
  void theAxesAreNamedInTheLanguageSpoken() {
    JFreeChart chart;
    try (Messages.Scope chinese = Messages.use(Lang.ZH)) {
      chart = UsageChart.chart(report(3, 7), Messages.text("admin.usage.chart.title", "2025-03"));
    }
    chart.createBufferedImage(UsageChart.WIDTH, UsageChart.HEIGHT);

    assertThat(chart.getTitle().getText()).isEqualTo("每日用量（点），2025-03");
    assertThat(chart.getCategoryPlot().getDomainAxis().getLabel()).isEqualTo("日");
    assertThat(chart.getCategoryPlot().getRangeAxis().getLabel()).isEqualTo("点数");
  }

  @Test
  void aChineseChartIsDrawnInChineseWhereAFontCanElseInEnglishNeverAsEmptyBoxes(@TempDir Path dir)
      throws Exception {
    Path file;
    JFreeChart drawn;
    try (Messages.Scope chinese = Messages.use(Lang.ZH)) {
      drawn = UsageChart.chart(report(3, 7), Messages.text("admin.usage.chart.title", "2025-03"));
      file =
          UsageChart.write(
              report(3, 7),
              () -> Messages.text("admin.usage.chart.title", "2025-03"),
              dir.resolve("usage.png"));
    }

    assertThat(ImageIO.read(Files.newInputStream(file)).getWidth()).isEqualTo(UsageChart.WIDTH);
    if (!UsageChart.drawable(drawn)) {
      // this machine has no font with Han glyphs: the written chart must not be Chinese
      try (Messages.Scope english = Messages.use(Lang.EN)) {
        assertThat(UsageChart.drawable(UsageChart.chart(report(3, 7), "Daily use, 2025-03")))
            .isTrue();
      }
    }
  }
}
