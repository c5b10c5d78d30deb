package cz.mluv.migrations.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${MLUV_X:default}} placeholders of a service's application.yml, checked against
 * {@link MluvSettings} (for the api and scheduler tests, through this module's test-jar).
 */
public final class YmlPlaceholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(MLUV_[A-Z0-9_]+):([^}]*)}");

    private YmlPlaceholders() {
    }

    /**
     * @param yml path of an application.yml
     * @return one line per placeholder that names an undeclared setting or whose default differs
     *         from the declared one; empty when all agree
     * @throws IOException when the file cannot be read
     */
    public static List<String> mismatches(Path yml) throws IOException {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(Files.readString(yml));
        int found = 0;
        while (m.find()) {
            found++;
            Optional<Setting<?>> declared = MluvSettings.byName(m.group(1));
            String ymlDefault = m.group(2);
            if (declared.isEmpty()) {
                out.add(m.group(1) + ": not declared in MluvSettings");
            } else {
                String def = declared.get().defaultText() == null ? "" : declared.get().defaultText();
                if (!def.equals(ymlDefault)) {
                    out.add(m.group(1) + ": application.yml says '" + ymlDefault + "', MluvSettings '" + def + "'");
                }
            }
        }
        if (found == 0) {
            out.add(yml + ": no ${MLUV_...:default} placeholder found");
        }
        return out;
    }
}
