package cz.mluv.db.verification.index;

import cz.mluv.db.verification.CheckStatus;
import cz.mluv.db.verification.Outcome;
import io.github.mfvanek.pg.connection.PgConnection;
import io.github.mfvanek.pg.core.checks.common.DatabaseCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.StandardChecksOnHost;
import io.github.mfvanek.pg.model.context.PgContext;
import io.github.mfvanek.pg.model.dbobject.DbObject;
import io.github.mfvanek.pg.model.predicates.SkipFlywayTablesPredicate;
import io.github.mfvanek.pg.model.table.TableNameAware;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A catalogue entry that runs one pg-index-health diagnostic ({@link HealthDiagnostic}) on the
 * current schema and reports each object it finds as a {@link LibraryFinding}. Flyway's
 * schema history is left out; for design rules (descriptions, keys, links between tables) so are
 * Mluv's own bookkeeping tables ({@link #BOOKKEEPING_TABLES} and the rollback guard's
 * {@code mluv_backup_*} copies).
 */
public final class LibraryDiagnosticCheck extends PgIndexHealthCheck<DbObject> {

    /** Tables Mluv keeps for itself: the refresh log, the console's accounts and records, the statistics history. */
    public static final Set<String> BOOKKEEPING_TABLES = Set.of("mv_refresh_log", "admin_user", "deployment_record",
            "checklist_item_result", "stats_snapshot", "query_stats_history", "relation_size_history");

    private static final String BACKUP_PREFIX = "mluv_backup_";
    private static final int NAMES_IN_SUMMARY = 5;

    private final HealthDiagnostic entry;

    /** @param entry the diagnostic and how Mluv judges it */
    public LibraryDiagnosticCheck(HealthDiagnostic entry) {
        super(entry.id(), entry.title(), entry.severity(), entry.why() + " (pg-index-health diagnostic "
                        + entry.diagnostic().name() + ".)",
                "PASS when pg-index-health's " + entry.diagnostic().getName() + " finds nothing in the current schema "
                        + "(Flyway's schema history left out" + (entry.skipBookkeeping() ? ", and Mluv's bookkeeping tables" : "")
                        + "); " + entry.whenFound() + " listing each object it finds.",
                entry.diagnostic(), library(entry));
        this.entry = entry;
    }

    /** @return the diagnostic this entry runs */
    public HealthDiagnostic entry() {
        return entry;
    }

    @Override
    public String fix() {
        return entry.fix();
    }

    @SuppressWarnings("unchecked")
    private static java.util.function.Function<PgConnection, DatabaseCheckOnHost<DbObject>> library(HealthDiagnostic entry) {
        return pg -> (DatabaseCheckOnHost<DbObject>) new StandardChecksOnHost().apply(pg).stream()
                .filter(c -> c.getName().equals(entry.diagnostic().getName()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("pg-index-health has no check " + entry.diagnostic().getName()));
    }

    @Override
    Predicate<? super DbObject> kept(PgContext context) {
        Predicate<DbObject> notFlyway = SkipFlywayTablesPredicate.of(context);
        if (!entry.skipBookkeeping()) {
            return notFlyway;
        }
        return notFlyway.and(o -> !(o instanceof TableNameAware t) || !isBookkeeping(t.getTableName()));
    }

    /**
     * @param table a table name, possibly schema-qualified
     * @return whether it is one of Mluv's bookkeeping tables or a rollback backup
     */
    public static boolean isBookkeeping(String table) {
        String bare = table.substring(table.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return BOOKKEEPING_TABLES.contains(bare) || bare.startsWith(BACKUP_PREFIX);
    }

    @Override
    Outcome judge(List<DbObject> found, String schema) {
        List<LibraryFinding> rows = found.stream().map(LibraryFinding::of).toList();
        if (rows.isEmpty()) {
            return Outcome.pass("nothing found in schema " + schema, rows);
        }
        String names = rows.stream().limit(NAMES_IN_SUMMARY)
                .map(f -> f.column() == null ? f.name() : f.table() + "." + f.column())
                .collect(Collectors.joining(", "));
        String summary = rows.size() + " found: " + names + (rows.size() > NAMES_IN_SUMMARY ? ", ..." : "");
        return entry.whenFound() == CheckStatus.FAIL ? Outcome.fail(summary, rows) : Outcome.warn(summary, rows);
    }
}
