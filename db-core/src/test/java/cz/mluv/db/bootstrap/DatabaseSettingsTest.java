package cz.mluv.db.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API's fail-fast connection wait beside the other processes' 30 s. */
class DatabaseSettingsTest {

    @Test
    void theApiWaitsOneAndAHalfSecondsForAConnectionByDefaultTheOthersThirty() {
        DatabaseSettings settings = DatabaseSettings.from(name -> null);
        assertEquals(30_000L, settings.datasourceProperties("jdbc:postgresql://h/db").get("datasources.default.connection-timeout"));
        Map<String, Object> api = settings.apiConnectionWaitProperties();
        assertEquals(1_500L, api.get("datasources.default.connection-timeout"));
        assertEquals(750L, api.get("datasources.default.validation-timeout"));
        assertEquals(2L, api.get("datasources.default.data-source-properties.connectTimeout"));
        assertEquals(2L, api.get("datasources.default.data-source-properties.loginTimeout"));
    }

    @Test
    void theApiWaitIsASetting() {
        DatabaseSettings settings = DatabaseSettings.from(name -> name.equals("MLUV_API_DB_WAIT_MS") ? "400" : null);
        assertEquals(400L, settings.apiConnectionWaitProperties().get("datasources.default.connection-timeout"));
        assertEquals(250L, settings.apiConnectionWaitProperties().get("datasources.default.validation-timeout"));
        assertEquals(1L, settings.apiConnectionWaitProperties().get("datasources.default.data-source-properties.connectTimeout"));
        assertThrows(IllegalArgumentException.class,
                () -> DatabaseSettings.from(name -> name.equals("MLUV_API_DB_WAIT_MS") ? "100" : null));
    }
}
