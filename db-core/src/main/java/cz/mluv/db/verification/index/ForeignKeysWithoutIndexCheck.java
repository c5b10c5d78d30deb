package cz.mluv.db.verification.index;

import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Rows;
import cz.mluv.db.verification.Severity;
import io.github.mfvanek.pg.core.checks.common.Diagnostic;
import io.github.mfvanek.pg.core.checks.host.ForeignKeysNotCoveredWithIndexCheckOnHost;
import io.github.mfvanek.pg.model.column.ColumnNameAware;
import io.github.mfvanek.pg.model.constraint.ForeignKey;
import java.util.List;
import java.util.Map;

/** {@code fk-without-index}: every foreign key's columns lead some index, through pg-index-health. */
public final class ForeignKeysWithoutIndexCheck extends PgIndexHealthCheck<ForeignKey> {

    /** A check of the current schema. */
    public ForeignKeysWithoutIndexCheck() {
        super("fk-without-index", "Foreign key columns are indexed", Severity.MAJOR,
                "Without an index on the referencing columns, every read by parent and every delete or key update of a "
                        + "parent row scans the child table: seed 004's 15-20 s latencies came from exactly that.",
                "PASS when every foreign key of the current schema has an index whose leading columns are the key's "
                        + "columns; FAIL for each one that has none.",
                Diagnostic.FOREIGN_KEYS_WITHOUT_INDEX, ForeignKeysNotCoveredWithIndexCheckOnHost::new);
    }

    @Override
    Outcome judge(List<ForeignKey> found, String schema) {
        List<Map<String, Object>> rows = found.stream()
                .map(fk -> Rows.row("table", fk.getTableName(), "constraint", fk.getConstraintName(),
                        "columns", String.join(", ", fk.getColumns().stream().map(ColumnNameAware::getColumnName).toList())))
                .toList();
        if (rows.isEmpty()) {
            return Outcome.pass("every foreign key in schema " + schema + " is covered by an index", rows);
        }
        return Outcome.fail(rows.size() + " foreign key(s) without an index: "
                + String.join(", ", found.stream().map(fk -> fk.getTableName() + "." + fk.getConstraintName()).toList()), rows);
    }
}
