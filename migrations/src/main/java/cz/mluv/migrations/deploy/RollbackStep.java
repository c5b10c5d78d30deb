package cz.mluv.migrations.deploy;

import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;

/**
 * One applied migration to undo, with its rollback script when one exists.
 *
 * @param version          the applied version
 * @param description      Flyway's description, e.g. {@code user stats summary}
 * @param migrationScript  the script Flyway applied, e.g. {@code V3__user_stats_summary.sql}
 * @param rollbackResource the classpath resource of its rollback script, e.g.
 *                         {@code db/rollback/R3__user_stats_summary.sql}; empty when there is none
 */
record RollbackStep(MigrationVersion version, String description, String migrationScript, Optional<String> rollbackResource) {

    /** The classpath folder of the rollback scripts. */
    static final String ROLLBACK_FOLDER = "db/rollback/";

    /**
     * @param migrationScript a versioned script name, e.g. {@code V3__user_stats_summary.sql}
     * @return the rollback resource that belongs to it, whether or not it exists, e.g.
     *         {@code db/rollback/R3__user_stats_summary.sql}; empty for a name that is no versioned SQL script
     */
    static Optional<String> expectedRollbackResource(String migrationScript) {
        String file = migrationScript.substring(migrationScript.lastIndexOf('/') + 1);
        return file.startsWith("V") && file.endsWith(".sql") && file.contains("__")
                ? Optional.of(ROLLBACK_FOLDER + "R" + file.substring(1))
                : Optional.empty();
    }

    /** @return e.g. {@code V3 (user stats summary)} */
    String label() {
        return "V" + version + " (" + description + ")";
    }
}
