package cz.mluv.admin.dashboard;

import cz.mluv.db.history.RelationSizePoint;
import cz.mluv.db.history.StatementPoint;
import cz.mluv.db.history.StatsSnapshot;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Millisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Charts of the statistics history (JFreeChart onto JFreeSVG, free; no Vaadin Charts licence),
 * as SVG markup: statement means and p95 proxies, cache hit rates and relation sizes over time.
 */
final class HistoryCharts {

    private static final Color[] PALETTE = {new Color(0x1676F3), new Color(0xE8590C), new Color(0x2F9E44),
        new Color(0xAE3EC9), new Color(0xF08C00), new Color(0x0C8599), new Color(0xC2255C), new Color(0x495057)};
    private static final int WIDTH = 620;
    private static final int HEIGHT = 340;

    private HistoryCharts() {
    }

    /**
     * @param statements label to the statement's intervals, oldest first
     * @param title      the chart's title
     * @param value      which number of an interval to draw, ms
     * @return the SVG
     */
    static String statements(Map<String, List<StatementPoint>> statements, String title, ToDoubleFunction<StatementPoint> value) {
        TimeSeriesCollection data = new TimeSeriesCollection();
        statements.forEach((label, points) -> {
            TimeSeries series = new TimeSeries(label);
            points.forEach(p -> series.addOrUpdate(new Millisecond(Date.from(p.takenAt())), value.applyAsDouble(p)));
            data.addSeries(series);
        });
        return draw(ChartFactory.createTimeSeriesChart(title, null, "ms", data, true, false, false));
    }

    /**
     * @param snapshots snapshots, oldest first, with the hit rates of their intervals
     * @return the SVG of the table and index cache hit rates, %
     */
    static String cacheHitRates(List<StatsSnapshot> snapshots) {
        TimeSeries tables = new TimeSeries("tables");
        TimeSeries indexes = new TimeSeries("indexes");
        for (StatsSnapshot s : snapshots) {
            Millisecond at = new Millisecond(Date.from(s.takenAt()));
            if (s.tableHitPercent() != null) {
                tables.addOrUpdate(at, s.tableHitPercent());
            }
            if (s.indexHitPercent() != null) {
                indexes.addOrUpdate(at, s.indexHitPercent());
            }
        }
        TimeSeriesCollection data = new TimeSeriesCollection();
        data.addSeries(tables);
        data.addSeries(indexes);
        return draw(ChartFactory.createTimeSeriesChart("Cache hit rate between snapshots (PgHero wants 99 %+)", null, "%", data,
                true, false, false));
    }

    /**
     * @param points every relation's size at each snapshot, oldest first
     * @param top    how many of the largest relations (at the newest snapshot) to draw
     * @return the SVG of their sizes, MiB
     */
    static String spaceGrowth(List<RelationSizePoint> points, int top) {
        long newest = points.stream().mapToLong(RelationSizePoint::snapshotId).max().orElse(0);
        List<String> largest = points.stream().filter(p -> p.snapshotId() == newest)
                .sorted((a, b) -> Long.compare(b.totalBytes(), a.totalBytes())).limit(top).map(RelationSizePoint::relation).toList();
        Map<String, TimeSeries> series = new LinkedHashMap<>();
        largest.forEach(r -> series.put(r, new TimeSeries(r)));
        for (RelationSizePoint p : points) {
            TimeSeries s = series.get(p.relation());
            if (s != null) {
                s.addOrUpdate(new Millisecond(Date.from(p.takenAt())), p.totalBytes() / 1_048_576.0);
            }
        }
        TimeSeriesCollection data = new TimeSeriesCollection();
        series.values().forEach(data::addSeries);
        return draw(ChartFactory.createTimeSeriesChart("Space per relation (with indexes and TOAST)", null, "MiB", data,
                true, false, false));
    }

    private static String draw(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < plot.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(new Color(0xF5F7FA));
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        }
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g2.getSVGElement();
    }
}
