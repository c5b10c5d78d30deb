package cz.mluv.db.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MLUV_MIGRATE_ON_START and MLUV_LOCK_TIMEOUT: the embedded database migrates, an external one only when told. */
class MigrateOnStartTest {

    @Test
    void theEmbeddedDatabaseMigratesAndAnExternalOneDoesNotUnlessTold() {
        assertEquals(new MigrateOnStart(true, Duration.ofSeconds(5)), MigrateOnStart.from(Map.<String, String>of()::get, true));
        assertEquals(new MigrateOnStart(false, Duration.ofSeconds(5)), MigrateOnStart.from(Map.<String, String>of()::get, false));
        assertEquals(new MigrateOnStart(true, Duration.ofMillis(500)),
                MigrateOnStart.from(Map.of("MLUV_MIGRATE_ON_START", "TRUE", "MLUV_LOCK_TIMEOUT", "500ms")::get, false));
        assertEquals(new MigrateOnStart(false, Duration.ZERO),
                MigrateOnStart.from(Map.of("MLUV_MIGRATE_ON_START", "false", "MLUV_LOCK_TIMEOUT", "0")::get, false));
        assertEquals(true, MigrateOnStart.from(Map.of("MLUV_MIGRATE_ON_START", "false")::get, true).migrate(),
                "the embedded database is always migrated");
    }

    @Test
    void malformedValuesAreRefusedWithTheVariableName() {
        IllegalArgumentException migrate = assertThrows(IllegalArgumentException.class,
                () -> MigrateOnStart.from(Map.of("MLUV_MIGRATE_ON_START", "yes")::get, false));
        assertEquals("MLUV_MIGRATE_ON_START must be true or false, was: yes", migrate.getMessage());
        IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class,
                () -> MigrateOnStart.from(Map.of("MLUV_LOCK_TIMEOUT", "5 seconds")::get, false));
        assertEquals("MLUV_LOCK_TIMEOUT: not a duration (examples: 500ms, 5s, 2min, 0): 5 seconds", timeout.getMessage());
    }
}
