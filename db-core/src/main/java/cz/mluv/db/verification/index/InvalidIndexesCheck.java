package cz.mluv.db.verification.index;

import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Severity;
import io.github.mfvanek.pg.core.checks.common.Diagnostic;
import io.github.mfvanek.pg.core.checks.host.InvalidIndexesCheckOnHost;
import io.github.mfvanek.pg.model.index.Index;
import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import java.util.List;

/** {@code invalid-indexes}: no index is INVALID ({@code pg_index.indisvalid}), through pg-index-health. */
public final class InvalidIndexesCheck extends PgIndexHealthCheck<Index> {

    /** A check of the current schema. */
    public InvalidIndexesCheck() {
        super(CheckId.INVALID_INDEXES, "No invalid index", Severity.CRITICAL,
                "A failed CREATE INDEX CONCURRENTLY leaves an INVALID index: the planner never uses it, every write still "
                        + "maintains it, a UNIQUE one enforces nothing, and IF NOT EXISTS keeps it on the next run (seed 002: "
                        + "\"No invalid indexes (check pg_index)\").",
                "PASS when no index of the current schema has indisvalid = false; FAIL otherwise (an index being built "
                        + "CONCURRENTLY right now is INVALID until it finishes: see index-build-progress).",
                Diagnostic.INVALID_INDEXES, InvalidIndexesCheckOnHost::new);
    }

    @Override
    Outcome judge(List<Index> found, String schema) {
        List<InvalidIndex> rows = found.stream()
                .map(i -> new InvalidIndex(i.getTableName(), i.getIndexName(), i.getIndexSizeInBytes()))
                .toList();
        if (rows.isEmpty()) {
            return Outcome.pass("no INVALID index in schema " + schema, rows);
        }
        return Outcome.fail(rows.size() + " INVALID index(es): "
                + String.join(", ", found.stream().map(Index::getIndexName).toList())
                + " (the deploy tool's migrate rebuilds them with REINDEX INDEX CONCURRENTLY)", rows);
    }

    /**
     * An index with indisvalid = false.
     *
     * @param table     its table
     * @param index     the index
     * @param sizeBytes its size, bytes
     */
    public record InvalidIndex(String table, String index, long sizeBytes) implements Detail {
    }

    @Override
    public String fix() {
        return "When index-build-progress shows no build running: `REINDEX INDEX CONCURRENTLY <index>` (or `DROP INDEX CONCURRENTLY <index>` and build it again); `./mluv deploy migrate` does this for the indexes the migrations declare.";
    }
}
