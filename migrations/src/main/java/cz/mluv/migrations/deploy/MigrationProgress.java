package cz.mluv.migrations.deploy;

import java.io.PrintStream;
import java.util.function.Function;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/** Prints each migration, with its risk and expected duration, as Flyway starts it: a long index build shows what it is. */
final class MigrationProgress extends BaseCallback {

    private final PrintStream out;
    private final Function<MigrationInfo, String> metadataLine;

    MigrationProgress(PrintStream out, Function<MigrationInfo, String> metadataLine) {
        this.out = out;
        this.metadataLine = metadataLine;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE;
    }

    @Override
    public void handle(Event event, Context context) {
        MigrationInfo m = context.getMigrationInfo();
        out.println("Applying " + DatabaseCommand.name(m) + " ... (" + metadataLine.apply(m) + ")");
        out.flush();
    }
}
