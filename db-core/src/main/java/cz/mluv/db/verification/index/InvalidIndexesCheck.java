package cz.mluv.db.verification.index;

import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Rows;
import cz.mluv.db.verification.Severity;
import io.github.mfvanek.pg.core.checks.common.Diagnostic;
import io.github.mfvanek.pg.core.checks.host.InvalidIndexesCheckOnHost;
import io.github.mfvanek.pg.model.index.Index;
import java.util.List;
import java.util.Map;

/** {@code invalid-indexes}: no index is INVALID ({@code pg_index.indisvalid}), through pg-index-health. */
public final class InvalidIndexesCheck extends PgIndexHealthCheck<Index> {

    /** A check of the current schema. */
    public InvalidIndexesCheck() {
        super("invalid-indexes", "No invalid index", Severity.CRITICAL,
                "A failed CREATE INDEX CONCURRENTLY leaves an INVALID index: the planner never uses it, every write still "
                        + "maintains it, a UNIQUE one enforces nothing, and IF NOT EXISTS keeps it on the next run (seed 002: "
                        + "\"No invalid indexes (check pg_index)\").",
                "PASS when no index of the current schema has indisvalid = false; FAIL otherwise (an index being built "
                        + "CONCURRENTLY right now is INVALID until it finishes: see index-build-progress).",
                Diagnostic.INVALID_INDEXES, InvalidIndexesCheckOnHost::new);
    }

    @Override
    Outcome judge(List<Index> found, String schema) {
        List<Map<String, Object>> rows = found.stream()
                .map(i -> Rows.row("table", i.getTableName(), "index", i.getIndexName(), "size_bytes", i.getIndexSizeInBytes()))
                .toList();
        if (rows.isEmpty()) {
            return Outcome.pass("no INVALID index in schema " + schema, rows);
        }
        return Outcome.fail(rows.size() + " INVALID index(es): "
                + String.join(", ", found.stream().map(Index::getIndexName).toList())
                + " (the deploy tool's migrate rebuilds them with REINDEX INDEX CONCURRENTLY)", rows);
    }
}
