package cz.mluv.db.verification.cache;

import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * {@code cache-hit-rate-tables} and {@code cache-hit-rate-indexes} (PgHero): the share of blocks
 * found in shared buffers, for the tables or the indexes of the current schema.
 */
public final class CacheHitRateCheck extends SqlCheck {

    /** Which blocks are counted. */
    public enum Kind {
        /** Heap blocks of tables (pg_statio_user_tables). */
        TABLES(CheckId.CACHE_HIT_RATE_TABLES, "tables"),
        /** Index blocks (pg_statio_user_indexes). */
        INDEXES(CheckId.CACHE_HIT_RATE_INDEXES, "indexes");

        private final CheckId id;
        private final String noun;

        Kind(CheckId id, String noun) {
            this.id = id;
            this.noun = noun;
        }

        /** @return the catalogue id of this kind */
        public CheckId id() {
            return id;
        }
    }

    private final Kind kind;
    private final double minPercent;

    /**
     * @param kind       tables or indexes
     * @param minPercent a rate below this is WARN, %
     */
    public CacheHitRateCheck(Kind kind, double minPercent) {
        super(kind.id, "Cache hit rate of " + kind.noun, Severity.MAJOR,
                "A block not in shared buffers is read from the OS cache or disk, orders of magnitude slower; PgHero "
                        + "wants the cache hit rate of " + kind.noun + " at 99 % or more, and a falling rate says the "
                        + "working set outgrew shared_buffers or a query reads far more than it should.",
                "PASS when the " + kind.noun + " of the current schema found at least " + minPercent + " % of the blocks "
                        + "they read in shared buffers since the statistics reset (or read none); WARN below, listing "
                        + "the " + kind.noun + " with the most blocks read (MLUV_VERIFICATION_CACHE_HIT_MIN_PERCENT).",
                sqlBeside(CacheHitRateCheck.class, kind.id.value()));
        this.kind = kind;
        this.minPercent = minPercent;
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        List<HitRate> rows = query(connection, HitRate.class);
        long hits = rows.stream().mapToLong(HitRate::hits).sum();
        long reads = rows.stream().mapToLong(HitRate::reads).sum();
        if (hits + reads == 0) {
            return Outcome.pass("no block of the " + kind.noun + " read since the statistics reset", rows);
        }
        double percent = 100.0 * hits / (hits + reads);
        String summary = String.format(Locale.ROOT, "%.2f %% of %d block(s) of the %s found in shared buffers", percent,
                hits + reads, kind.noun);
        return percent < minPercent ? Outcome.warn(summary + " (below " + minPercent + " %)", rows) : Outcome.pass(summary, rows);
    }

    /**
     * Blocks of one table or index.
     *
     * @param relation   the table or index
     * @param hits       blocks found in shared buffers
     * @param reads      blocks read from outside
     * @param hitPercent hits per blocks wanted, %; {@code null} when it read none
     */
    public record HitRate(String relation, long hits, long reads, Double hitPercent) implements Detail {
    }

    @Override
    public String fix() {
        return "A cold cache after a restart warms up by itself. Otherwise cut the reads of the listed relations (missing indexes: slow-queries, suggested-indexes; bloat: bloated-tables, bloated-indexes) or give the cache more memory: raise shared_buffers (a restart).";
    }
}
