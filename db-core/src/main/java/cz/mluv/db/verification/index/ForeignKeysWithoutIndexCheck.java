package cz.mluv.db.verification.index;

import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Severity;
import io.github.mfvanek.pg.core.checks.common.Diagnostic;
import io.github.mfvanek.pg.core.checks.host.ForeignKeysNotCoveredWithIndexCheckOnHost;
import io.github.mfvanek.pg.model.column.ColumnNameAware;
import io.github.mfvanek.pg.model.constraint.ForeignKey;
import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import java.util.List;

/** {@code fk-without-index}: every foreign key's columns lead some index, through pg-index-health. */
public final class ForeignKeysWithoutIndexCheck extends PgIndexHealthCheck<ForeignKey> {

    /** A check of the current schema. */
    public ForeignKeysWithoutIndexCheck() {
        super(CheckId.FK_WITHOUT_INDEX, "Foreign key columns are indexed", Severity.MAJOR,
                "Without an index on the referencing columns, every read by parent and every delete or key update of a "
                        + "parent row scans the child table: seed 004's 15-20 s latencies came from exactly that.",
                "PASS when every foreign key of the current schema has an index whose leading columns are the key's "
                        + "columns; FAIL for each one that has none.",
                Diagnostic.FOREIGN_KEYS_WITHOUT_INDEX, ForeignKeysNotCoveredWithIndexCheckOnHost::new);
    }

    @Override
    Outcome judge(List<ForeignKey> found, String schema) {
        List<UnindexedForeignKey> rows = found.stream()
                .map(fk -> new UnindexedForeignKey(fk.getTableName(), fk.getConstraintName(),
                        fk.getColumns().stream().map(ColumnNameAware::getColumnName).toList()))
                .toList();
        if (rows.isEmpty()) {
            return Outcome.pass("every foreign key in schema " + schema + " is covered by an index", rows);
        }
        return Outcome.fail(rows.size() + " foreign key(s) without an index: "
                + String.join(", ", found.stream().map(fk -> fk.getTableName() + "." + fk.getConstraintName()).toList()), rows);
    }

    /**
     * A foreign key no index leads with.
     *
     * @param table      the referencing table
     * @param constraint the foreign key's name
     * @param columns    its columns, in key order
     */
    public record UnindexedForeignKey(String table, String constraint, List<String> columns) implements Detail {
    }

    @Override
    public String fix() {
        return "Add the index in a migration, with its rollback script: `CREATE INDEX CONCURRENTLY idx_<table>_<columns> ON <table> (<foreign key columns>)`.";
    }
}
