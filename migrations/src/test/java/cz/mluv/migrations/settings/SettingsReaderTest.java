package cz.mluv.migrations.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsReaderTest {

    @Test
    void anUnsetOrBlankSettingHasItsDeclaredDefault() {
        SettingsReader reader = SettingsReader.of(Map.of("MLUV_DB_POOL_MAX", "  "));
        assertEquals(30, reader.get(MluvSettings.DB_POOL_MAX));
        assertEquals(Duration.ofSeconds(5), reader.get(MluvSettings.LOCK_TIMEOUT));
        assertEquals(List.of("user_stats_summary"), reader.get(MluvSettings.REFRESH_VIEWS));
        assertEquals(true, reader.get(MluvSettings.API_CACHE));
        assertNull(reader.get(MluvSettings.DB_URL));
        assertFalse(reader.isSet(MluvSettings.DB_POOL_MAX));
        assertEquals(Optional.empty(), reader.find(MluvSettings.DB_POOL_MAX));
    }

    @Test
    void aMalformedNumberNamesTheVariable() {
        SettingsReader reader = SettingsReader.of(Map.of("MLUV_DB_POOL_MAX", "thirty", "MLUV_VERIFICATION_SLOW_QUERY_MS", "fast"));
        IllegalArgumentException whole = assertThrows(IllegalArgumentException.class, () -> reader.get(MluvSettings.DB_POOL_MAX));
        assertEquals("MLUV_DB_POOL_MAX must be a whole number, was: thirty", whole.getMessage());
        IllegalArgumentException decimal = assertThrows(IllegalArgumentException.class,
                () -> reader.get(MluvSettings.VERIFICATION_SLOW_QUERY_MS));
        assertEquals("MLUV_VERIFICATION_SLOW_QUERY_MS must be a number, was: fast", decimal.getMessage());
    }

    @Test
    void aValueOutOfRangeNamesTheVariableAndTheRange() {
        SettingsReader reader = SettingsReader.of(Map.of("MLUV_REPLICAS", "10", "MLUV_MAX_REPLICA_LAG", "0",
                "MLUV_VERIFICATION_CONNECTIONS_WARN_PERCENT", "101", "MLUV_DB_JIT", "maybe", "MLUV_API_CACHE", "yes"));
        assertEquals("MLUV_REPLICAS must be between 0 and 9, was: 10",
                assertThrows(IllegalArgumentException.class, () -> reader.get(MluvSettings.REPLICAS)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> reader.get(MluvSettings.MAX_REPLICA_LAG)).getMessage()
                .startsWith("MLUV_MAX_REPLICA_LAG must be between 1 ms and "));
        assertEquals("MLUV_VERIFICATION_CONNECTIONS_WARN_PERCENT must be between 0 and 100, was: 101",
                assertThrows(IllegalArgumentException.class, () -> reader.get(MluvSettings.VERIFICATION_CONNECTIONS_WARN_PERCENT))
                        .getMessage());
        assertEquals("MLUV_DB_JIT must be on or off, was: maybe",
                assertThrows(IllegalArgumentException.class, () -> reader.get(MluvSettings.DB_JIT)).getMessage());
        assertEquals("MLUV_API_CACHE must be true or false, was: yes",
                assertThrows(IllegalArgumentException.class, () -> reader.get(MluvSettings.API_CACHE)).getMessage());
    }

    @Test
    void durationsAreWrittenWithAUnitThePostgresqlWayOrInIso8601() {
        assertEquals(Duration.ofMillis(500), Setting.parseDuration("500ms"));
        assertEquals(Duration.ofMillis(250), Setting.parseDuration("250"));
        assertEquals(Duration.ofSeconds(90), Setting.parseDuration("90s"));
        assertEquals(Duration.ofMinutes(15), Setting.parseDuration("15m"));
        assertEquals(Duration.ofMinutes(2), Setting.parseDuration("2min"));
        assertEquals(Duration.ofHours(2), Setting.parseDuration(" 2h "));
        assertEquals(Duration.ofDays(7), Setting.parseDuration("7d"));
        assertEquals(Duration.ZERO, Setting.parseDuration("0"));
        assertEquals(Duration.ofMinutes(90), Setting.parseDuration("PT1H30M"));
        SettingsReader reader = SettingsReader.of(Map.of("MLUV_LOCK_TIMEOUT", "5 seconds"));
        assertEquals("MLUV_LOCK_TIMEOUT: not a duration (examples: 500ms, 5s, 2min, 0): 5 seconds",
                assertThrows(IllegalArgumentException.class, () -> reader.get(MluvSettings.LOCK_TIMEOUT)).getMessage());
    }

    @Test
    void aSystemPropertyWinsOverTheEnvironmentVariable() {
        // PATH is set in every environment; a property of the same name must win over it.
        Setting<String> path = Setting.text("MLUV_TEST_PATH_ALIAS", null);
        SettingsReader reader = new SettingsReader(name -> SettingsReader.PROCESS.apply(name.equals(path.name()) ? "PATH" : name));
        String fromEnvironment = reader.get(path);
        assertEquals(System.getenv("PATH"), fromEnvironment);
        System.setProperty("PATH", "/from/the/property");
        try {
            assertEquals("/from/the/property", reader.get(path));
        } finally {
            System.clearProperty("PATH");
        }
    }

    @Test
    void listsAreCommaSeparatedWithBlanksDropped() {
        SettingsReader reader = SettingsReader.of(Map.of("MLUV_DB_REPLICA_URLS", " jdbc:postgresql://a/x , ,jdbc:postgresql://b/x"));
        assertEquals(List.of("jdbc:postgresql://a/x", "jdbc:postgresql://b/x"), reader.get(MluvSettings.DB_REPLICA_URLS));
    }

    @Test
    void everySettingIsDeclaredOnceAndItsDefaultIsInItsOwnRange() {
        List<Setting<?>> all = MluvSettings.all();
        assertTrue(all.size() > 60, "declared: " + all.size());
        assertEquals(all.size(), all.stream().map(Setting::name).distinct().count());
        for (Setting<?> s : all) {
            // parsing the default throws when it is malformed or out of the declared range
            if (s.defaultText() != null && !s.defaultText().isBlank()) {
                s.defaultValue();
            }
            assertEquals(Optional.of(s), MluvSettings.byName(s.name()));
        }
    }
}
