package cz.mluv.migrations.deploy;

import cz.mluv.migrations.Migrations;
import cz.mluv.migrations.deploy.ConnectionOptions.ConnectionSettings;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** A subcommand that works on one database: connection options, the open target and output helpers. */
abstract class DatabaseCommand implements Callable<Integer> {

    @ParentCommand
    DeployTool tool;

    @Mixin
    ConnectionOptions connection;

    private Map<String, MigrationMetadata> metadata;
    private ConnectionSettings settings;

    /** {@code true} for commands that run DDL: {@code statement_timeout = 0} on their sessions. */
    abstract boolean runsDdl();

    /** The command's work on the open database; returns the exit code. */
    abstract int run(DatabaseTarget db) throws Exception;

    @Override
    public Integer call() throws Exception {
        settings = connection.resolve(tool.env());
        try (DatabaseTarget db = DatabaseTarget.open(settings, runsDdl(), tool.err())) {
            return run(db);
        }
    }

    /** @return the connection settings this command resolved (options, environment, defaults) */
    ConnectionSettings settings() {
        return settings;
    }

    Flyway flyway(DatabaseTarget db, MigrationVersion target) {
        return Migrations.configure(db.dataSource()).target(target).load();
    }

    PrintStream out() {
        return tool.out();
    }

    /** @return e.g. {@code V3 user stats summary} */
    static String name(MigrationInfo migration) {
        return (migration.getVersion() == null ? "R" : "V" + migration.getVersion()) + " " + migration.getDescription();
    }

    /** @return the metadata line of a migration, or a note that it has none */
    String metadataLine(MigrationInfo migration) {
        if (metadata == null) {
            metadata = MigrationMetadata.load(tool.resources());
        }
        return MigrationProgress.metadataLine(metadata, migration);
    }
}
