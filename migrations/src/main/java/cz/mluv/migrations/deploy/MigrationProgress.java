package cz.mluv.migrations.deploy;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/** Prints each migration, with its risk and expected duration, as Flyway starts it: a long index build shows what it is. */
final class MigrationProgress extends BaseCallback {

    private final Consumer<String> out;
    private final Function<MigrationInfo, String> metadataLine;

    MigrationProgress(Consumer<String> out, Function<MigrationInfo, String> metadataLine) {
        this.out = out;
        this.metadataLine = metadataLine;
    }

    /**
     * @param metadata  every migration's metadata by version ({@link MigrationMetadata#load(ClassLoader)})
     * @param migration a migration
     * @return its metadata summary, or a note that it has none
     */
    static String metadataLine(Map<String, MigrationMetadata> metadata, MigrationInfo migration) {
        MigrationMetadata m = migration.getVersion() == null ? null : metadata.get(migration.getVersion().getVersion());
        return m == null ? "no metadata in " + MigrationMetadata.RESOURCE : m.summary();
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE;
    }

    @Override
    public void handle(Event event, Context context) {
        MigrationInfo m = context.getMigrationInfo();
        out.accept("Applying " + DatabaseCommand.name(m) + " ... (" + metadataLine.apply(m) + ")");
    }
}
