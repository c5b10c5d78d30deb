package cz.mluv.db.verification.index;

import cz.mluv.db.verification.Detail;
import io.github.mfvanek.pg.model.bloat.BloatAware;
import io.github.mfvanek.pg.model.column.ColumnNameAware;
import io.github.mfvanek.pg.model.dbobject.DbObject;
import io.github.mfvanek.pg.model.index.IndexSizeAware;
import io.github.mfvanek.pg.model.table.TableNameAware;
import io.github.mfvanek.pg.model.table.TableSizeAware;

/**
 * One object a pg-index-health diagnostic reported, in the library's own terms.
 *
 * @param objectType   the library's object type (TABLE, INDEX, CONSTRAINT, SEQUENCE, FUNCTION, ...)
 * @param name         the object's name (an index, a table, a constraint, a function)
 * @param table        the table it belongs to; {@code null} for a sequence or a function
 * @param column       the column, for a finding about one column; else {@code null}
 * @param sizeBytes    the index's or table's size, bytes, when the library measured it; else {@code null}
 * @param bloatPercent the estimated bloat, %, for the bloat diagnostics; else {@code null}
 * @param finding      the library's full description of the object (its {@code toString})
 */
public record LibraryFinding(String objectType, String name, String table, String column, Long sizeBytes,
                             Double bloatPercent, String finding) implements Detail {

    /**
     * @param object what the library returned
     * @return the finding
     */
    public static LibraryFinding of(DbObject object) {
        String table = object instanceof TableNameAware t ? t.getTableName() : null;
        String column = object instanceof ColumnNameAware c ? c.getColumnName() : null;
        Long size = object instanceof IndexSizeAware i ? Long.valueOf(i.getIndexSizeInBytes())
                : object instanceof TableSizeAware t ? Long.valueOf(t.getTableSizeInBytes()) : null;
        Double bloat = object instanceof BloatAware b ? Double.valueOf(b.getBloatPercentage()) : null;
        return new LibraryFinding(String.valueOf(object.getObjectType()), object.getName(), table, column, size, bloat,
                object.toString());
    }
}
