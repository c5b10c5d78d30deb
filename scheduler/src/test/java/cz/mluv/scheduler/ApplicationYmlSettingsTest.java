package cz.mluv.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cz.mluv.migrations.settings.YmlPlaceholders;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationYmlSettingsTest {

    @Test
    void everyEnvironmentPlaceholderHasTheDeclaredDefault() throws Exception {
        assertEquals(List.of(), YmlPlaceholders.mismatches(Path.of("src", "main", "resources", "application.yml")));
    }
}
