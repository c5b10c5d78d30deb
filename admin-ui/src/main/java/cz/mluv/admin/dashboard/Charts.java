package cz.mluv.admin.dashboard;

import cz.mluv.db.refresh.RefreshLogEntry;
import cz.mluv.db.verification.index.IndexUsageCheck;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.Date;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Millisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** Server-drawn charts (JFreeChart onto JFreeSVG: free, no Vaadin Charts licence) as SVG markup. */
final class Charts {

    private static final Color PRIMARY = new Color(0x1676F3);

    private Charts() {
    }

    /**
     * @param usage rows of the index-usage check, most scanned first
     * @param top   bars to draw
     * @return the SVG
     */
    static String indexUsage(List<IndexUsageCheck.IndexUse> usage, int top) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        usage.stream().limit(top).forEach(r -> data.addValue(r.scans(), "scans", r.indexName()));
        JFreeChart chart = ChartFactory.createBarChart("Index scans (pg_stat_user_indexes)", null, "scans", data,
                PlotOrientation.HORIZONTAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        plot.getDomainAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setSeriesPaint(0, PRIMARY);
        renderer.setShadowVisible(false);
        style(chart);
        plot.setBackgroundPaint(new Color(0xF5F7FA));
        return svg(chart, 620, 360);
    }

    /**
     * @param history refreshes of a view, newest first
     * @return the SVG of their durations over time
     */
    static String refreshDurations(String view, List<RefreshLogEntry> history) {
        TimeSeries series = new TimeSeries("duration ms");
        for (RefreshLogEntry e : history) {
            if (e.durationMs() != null) {
                series.addOrUpdate(new Millisecond(Date.from(e.startedAt())), e.durationMs());
            }
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart("Refresh durations of " + view, null, "ms",
                new TimeSeriesCollection(series), false, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, PRIMARY);
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(new Color(0xF5F7FA));
        style(chart);
        return svg(chart, 620, 360);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    }

    private static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGElement();
    }
}
