package cz.mluv.db.verification.index;

import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Severity;
import io.github.mfvanek.pg.core.checks.common.Diagnostic;
import io.github.mfvanek.pg.core.checks.host.DuplicatedIndexesCheckOnHost;
import io.github.mfvanek.pg.model.index.DuplicatedIndexes;
import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import java.util.List;

/** {@code duplicate-indexes}: no two indexes are identical, through pg-index-health. */
public final class DuplicateIndexesCheck extends PgIndexHealthCheck<DuplicatedIndexes> {

    /** A check of the current schema. */
    public DuplicateIndexesCheck() {
        super(CheckId.DUPLICATE_INDEXES, "No duplicate indexes", Severity.MINOR,
                "An identical second index doubles the write cost and the disk space of the first and is never needed "
                        + "(design: daily_stats has one unique index for both the rule and the reads).",
                "PASS when no two indexes of a table have the same columns, operator classes, expressions and predicate; "
                        + "WARN for each such group (drop all but one).",
                Diagnostic.DUPLICATED_INDEXES, DuplicatedIndexesCheckOnHost::new);
    }

    @Override
    Outcome judge(List<DuplicatedIndexes> found, String schema) {
        List<DuplicateGroup> rows = found.stream()
                .map(d -> new DuplicateGroup(d.getTableName(), d.getIndexNames(), d.getTotalSize()))
                .toList();
        if (rows.isEmpty()) {
            return Outcome.pass("no duplicate indexes in schema " + schema, rows);
        }
        return Outcome.warn(rows.size() + " group(s) of identical indexes: "
                + String.join("; ", found.stream().map(d -> String.join(" = ", d.getIndexNames())).toList()), rows);
    }

    /**
     * Identical indexes of one table.
     *
     * @param table          the table
     * @param indexes        the identical indexes
     * @param totalSizeBytes their size together, bytes
     */
    public record DuplicateGroup(String table, List<String> indexes, long totalSizeBytes) implements Detail {
    }

    @Override
    public String fix() {
        return "Keep one index of each group (the one behind a constraint, if any) and drop the others in a migration: `DROP INDEX CONCURRENTLY <index>`.";
    }
}
