package cz.mluv.db.verification;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One typed detail row of a check's result: a record per kind of finding (an index, a lock wait,
 * a line of a plan). Reports and the console print any detail generically through {@link #toRow()};
 * code that needs a value reads the record's accessor. JSON shows the record's components.
 */
public interface Detail {

    /**
     * @return the record's components, name to value in declaration order, values as
     *         {@link Rows#normalize(Object)} prints them
     * @throws IllegalStateException when the implementation is not a record
     */
    default Map<String, Object> toRow() {
        if (!(this instanceof Record)) {
            throw new IllegalStateException(getClass().getName() + " is not a record");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (RecordComponent c : getClass().getRecordComponents()) {
            try {
                c.getAccessor().trySetAccessible();
                row.put(c.getName(), Rows.normalize(c.getAccessor().invoke(this)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + getClass().getName(), e);
            }
        }
        return row;
    }
}
