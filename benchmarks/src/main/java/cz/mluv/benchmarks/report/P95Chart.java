package cz.mluv.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A PNG bar chart of p95 latency per endpoint: before, after (API) and floor (JDBC) side by side,
 * on a logarithmic millisecond axis (before is often hundreds of times slower). Rendered headless
 * with JFreeChart.
 */
public final class P95Chart {

    private static final Color BEFORE = new Color(0xC0392B);
    private static final Color API = new Color(0x2471A3);
    private static final Color FLOOR = new Color(0x7DCEA0);

    private P95Chart() {
    }

    /**
     * @param scale     the results to draw
     * @param endpoints endpoint ids, in order
     * @param clients   the concurrency to draw
     * @param title     chart title
     * @param file      the PNG to write
     * @throws IOException when the file cannot be written
     */
    public static void write(ScaleResult scale, List<String> endpoints, int clients, String title, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double smallest = Double.MAX_VALUE;
        double largest = 0;
        for (String id : endpoints) {
            for (Mode mode : List.of(Mode.BEFORE, Mode.API, Mode.FLOOR)) {
                var m = scale.find(id, mode, clients);
                if (m.isPresent()) {
                    data.addValue(m.get().load().p95Ms(), mode.label(), id);
                    smallest = Math.min(smallest, m.get().load().p95Ms());
                    largest = Math.max(largest, m.get().load().p95Ms());
                }
            }
        }
        // Bars start one decade below the smallest value, so the shortest bar is still visible.
        double floor = Math.pow(10, Math.floor(Math.log10(Math.max(1e-3, smallest))) - 1);
        LogAxis axis = new LogAxis("p95 latency, ms (log scale)");
        axis.setBase(10);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setSmallestValue(floor);
        axis.setRange(floor, Math.pow(10, Math.ceil(Math.log10(Math.max(largest, floor) * 3))));
        axis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        renderer.setBase(floor);
        renderer.setSeriesPaint(0, BEFORE);
        renderer.setSeriesPaint(1, API);
        renderer.setSeriesPaint(2, FLOOR);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new java.text.DecimalFormat("#,##0.##")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        CategoryAxis categories = new CategoryAxis();
        categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        CategoryPlot plot = new CategoryPlot(data, categories, axis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1100, 600);
    }
}
