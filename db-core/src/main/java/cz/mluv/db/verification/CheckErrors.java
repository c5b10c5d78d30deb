package cz.mluv.db.verification;

import java.sql.SQLException;

/** How a database error while a check runs becomes its outcome. */
final class CheckErrors {

    /** SQLSTATE insufficient_privilege. */
    static final String INSUFFICIENT_PRIVILEGE = "42501";

    private CheckErrors() {
    }

    static Outcome outcome(SQLException e) {
        String message = oneLine(e.getMessage());
        if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
            return Outcome.skipped("the database role may not read what this check needs (" + message + ")");
        }
        return Outcome.fail("could not run: " + message
                + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]"), null);
    }

    static SQLException sqlCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
