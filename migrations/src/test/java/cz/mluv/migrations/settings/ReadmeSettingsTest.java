package cz.mluv.migrations.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README's configuration tables and the {@code mluv} script's fallbacks agree with {@link MluvSettings}: README's tables (the project's and the scheduler's) list every declared setting with its default. */
class ReadmeSettingsTest {

    private static final List<Path> READMES = List.of(Path.of("..", "README.md"), Path.of("..", "scheduler", "README.md"));

    @Test
    void everyDeclaredSettingIsInAConfigurationTableWithItsDefault() throws IOException {
        List<String> rows = new ArrayList<>();
        for (Path readme : READMES) {
            Files.readAllLines(readme).stream().filter(l -> l.startsWith("| `MLUV_")).forEach(rows::add);
        }
        List<String> missing = new ArrayList<>();
        for (Setting<?> s : MluvSettings.all()) {
            String def = s.defaultText();
            boolean listed = rows.stream().anyMatch(r -> r.contains("`" + s.name() + "`")
                    && (def == null || def.isBlank() || r.contains("`" + def + "`")));
            if (!listed) {
                missing.add(s.name() + (def == null || def.isBlank() ? "" : " (default `" + def + "`)"));
            }
        }
        assertEquals(List.of(), missing, "settings not in a README configuration table row with their default");
    }

    @Test
    void theMluvScriptFallsBackToTheDeclaredDefaults() throws IOException {
        Matcher m = Pattern.compile("\\$\\{(MLUV_[A-Z0-9_]+):-([^}$]*)}").matcher(Files.readString(Path.of("..", "mluv")));
        List<String> differing = new ArrayList<>();
        int checked = 0;
        while (m.find()) {
            Optional<Setting<?>> declared = MluvSettings.byName(m.group(1));
            // settings whose default the reader computes (MLUV_DB_USER, MLUV_DB_URL) and script-only ones are left out
            if (declared.isPresent() && declared.get().defaultText() != null && !m.group(2).isEmpty()) {
                checked++;
                if (!declared.get().defaultText().equals(m.group(2))) {
                    differing.add(m.group(1) + ": mluv says '" + m.group(2) + "', MluvSettings '" + declared.get().defaultText() + "'");
                }
            }
        }
        assertEquals(List.of(), differing);
        assertTrue(checked >= 4, "fallbacks checked: " + checked);
    }
}
