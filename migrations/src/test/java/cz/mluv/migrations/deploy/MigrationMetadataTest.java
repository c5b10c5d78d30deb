package cz.mluv.migrations.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.deploy.MigrationMetadata.Risk;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The metadata file, the migration headers and the rollback scripts say the same thing. */
class MigrationMetadataTest {

    private static final ClassLoader LOADER = MigrationMetadataTest.class.getClassLoader();
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    @Test
    void everyMigrationHasMetadataMatchingItsHeaderAndARollbackScript() throws Exception {
        Map<String, MigrationMetadata> metadata = MigrationMetadata.load(LOADER);
        List<Path> scripts = migrationScripts();
        assertEquals(15, scripts.size());
        assertEquals(scripts.size(), metadata.size(), "one metadata entry per migration: " + metadata.keySet());

        for (Path script : scripts) {
            String file = script.getFileName().toString();
            Matcher m = VERSION.matcher(file);
            assertTrue(m.matches(), file);
            MigrationMetadata meta = metadata.get(m.group(1));
            assertNotNull(meta, "no metadata for " + file);
            String header = header(script);

            assertTrue(header.contains("Risk: " + meta.risk().label() + " ") , file + " header risk differs from " + meta.risk().label());
            String duration = header.substring(header.indexOf("Expected duration:"));
            assertTrue(duration.contains(meta.expectedDuration()) && duration.contains(meta.atTableSize()),
                    file + ": header duration does not state '" + meta.expectedDuration() + "' at '" + meta.atTableSize() + "'");

            String rollback = RollbackStep.expectedRollbackResource(file).orElseThrow();
            assertNotNull(LOADER.getResource(rollback), "missing " + rollback);
            assertTrue(header.contains("Rollback: " + rollback), file + " header does not name " + rollback);
            assertTrue(meta.rollbackPlan().startsWith(rollback.substring(rollback.lastIndexOf('/') + 1)), meta.rollbackPlan());
        }
    }

    @Test
    void riskLevelsReadAsWritten() {
        assertEquals(Risk.LOW_MEDIUM, Risk.ofLabel("low-medium"));
        assertEquals("low-medium", Risk.LOW_MEDIUM.label());
        assertThrows(IllegalArgumentException.class, () -> Risk.ofLabel("scary"));
    }

    @Test
    void aMissingMetadataFileMeansNoMetadata() {
        assertEquals(Map.of(), MigrationMetadata.load(new HidingClassLoader(LOADER, MigrationMetadata.RESOURCE)));
    }

    private static List<Path> migrationScripts() throws URISyntaxException, IOException {
        Path dir = Path.of(LOADER.getResource("db/migration").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
    }

    /** The leading comment lines, joined into one line without the comment markers. */
    private static String header(Path script) throws IOException {
        return Files.readAllLines(script).stream().takeWhile(l -> l.startsWith("--"))
                .map(l -> l.substring(2).strip()).collect(Collectors.joining(" "));
    }
}
