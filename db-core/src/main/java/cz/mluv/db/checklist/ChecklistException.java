package cz.mluv.db.checklist;

/** A deployment-record rule was broken (closed record, unknown item, missing comment); the message says which. */
public class ChecklistException extends RuntimeException {

    /** @param message what was refused and why */
    public ChecklistException(String message) {
        super(message);
    }
}
