package cz.mluv.benchmarks.build;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;

/**
 * A background client that runs one statement every few milliseconds on its own connection
 * while DDL runs, recording how long each takes: a writer inserting during an index build, or a
 * reader during a view refresh. A statement blocked by a lock shows as a latency as long as the
 * wait.
 */
final class Prober implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement statement;
    private final Duration pause;
    private final Histogram histogram = new Histogram(1, Duration.ofHours(1).toNanos() / 1000, 3);
    private final AtomicLong errors = new AtomicLong();
    private final boolean numbered;
    private final LongSupplier numbers;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Starts probing.
     *
     * @param dataSource where to connect
     * @param sql        the statement; a {@code ?} in it is bound to the next value of {@code numbers}
     * @param numbers    values for the {@code ?} (unique across probers when they feed a unique key)
     * @param pause      sleep between statements
     * @throws SQLException when the connection or statement cannot be opened
     */
    Prober(DataSource dataSource, String sql, LongSupplier numbers, Duration pause) throws SQLException {
        this.connection = dataSource.getConnection();
        this.statement = connection.prepareStatement(sql);
        this.pause = pause;
        this.numbered = sql.contains("?");
        this.numbers = numbers;
        this.thread = Thread.ofPlatform().name("prober").daemon().start(this::loop);
    }

    private void loop() {
        while (running) {
            long t0 = System.nanoTime();
            try {
                if (numbered) {
                    statement.setLong(1, numbers.getAsLong());
                }
                statement.execute();
                synchronized (histogram) {
                    histogram.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                }
            } catch (SQLException e) {
                errors.incrementAndGet();
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Stops probing (waits for the statement in flight) and summarises.
     *
     * @return what was seen
     */
    ProbeLatency stop() {
        running = false;
        try {
            thread.join(Duration.ofMinutes(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (histogram) {
            long n = histogram.getTotalCount();
            return new ProbeLatency(n, errors.get(), n == 0 ? Double.NaN : histogram.getValueAtPercentile(99) / 1000.0,
                    n == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0);
        }
    }

    @Override
    public void close() throws SQLException {
        running = false;
        statement.close();
        connection.close();
    }
}
