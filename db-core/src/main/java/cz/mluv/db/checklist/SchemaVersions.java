package cz.mluv.db.checklist;

import cz.mluv.migrations.Migrations;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * The schema version the database is at, the migrations on the classpath it has not applied and
 * those that FAILED (Flyway's info; changes nothing).
 */
@Singleton
public class SchemaVersions {

    private final DataSource dataSource;

    /** @param dataSource the database */
    public SchemaVersions(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /**
     * @param current the applied version, e.g. {@code 5}; {@code null} on an empty schema
     * @param latest  the newest version on the classpath
     * @param pending pending migrations as {@code V<version> <description>}
     * @param failed  migrations whose schema-history row says FAILED (a script run outside a
     *                transaction failed half-way), as {@code V<version> <description>}
     */
    public record Status(String current, String latest, List<String> pending, List<String> failed) {

        /** @return whether every migration on the classpath is applied and none failed */
        public boolean upToDate() {
            return pending.isEmpty() && failed.isEmpty();
        }
    }

    /**
     * @return the current version, the latest available and the pending migrations
     * @throws org.flywaydb.core.api.FlywayException when the database cannot be read
     */
    public Status status() {
        MigrationInfoService info = Migrations.configure(dataSource).load().info();
        MigrationInfo current = info.current();
        List<String> pending = Arrays.stream(info.pending()).map(SchemaVersions::name).toList();
        MigrationInfo[] all = info.all();
        List<String> failed = Arrays.stream(all).filter(m -> m.getState().isFailed()).map(SchemaVersions::name).toList();
        String latest = all.length == 0 ? null : all[all.length - 1].getVersion().getVersion();
        return new Status(current == null ? null : current.getVersion().getVersion(), latest, pending, failed);
    }

    private static String name(MigrationInfo m) {
        return "V" + m.getVersion() + " " + m.getDescription();
    }
}
