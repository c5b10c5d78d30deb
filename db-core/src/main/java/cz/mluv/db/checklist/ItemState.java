package cz.mluv.db.checklist;

import io.micronaut.core.annotation.Nullable;

/**
 * An item of a record with its result so far.
 *
 * @param item   the template item
 * @param result its latest result; {@code null} while not yet run or signed
 */
public record ItemState(ChecklistItem item, @Nullable ChecklistItemResult result) {

    /** @return {@code true} when the item has a result */
    public boolean done() {
        return result != null;
    }

    /** @return the outcome, or {@code OPEN} */
    public String outcome() {
        return result == null ? "OPEN" : result.outcome();
    }
}
