package cz.mluv.migrations.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code deploy lint}: every rule is tripped by its fixture migration (src/test/resources/lint-fixtures,
 * applied on top of {@code V1__base.sql}, which creates the tables), the safe rewrites pass, a silence
 * needs a reason, the repository's own migrations are clean, and migrate refuses findings.
 */
class MigrationLintTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = LintRule.class, names = {"INDEX_WITHOUT_CONCURRENTLY", "CONCURRENTLY_MIXED", "ADD_COLUMN_VOLATILE_DEFAULT",
            "ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT", "ADD_COLUMN_STORED_GENERATED", "SET_NOT_NULL_WITHOUT_CHECK",
            "CONSTRAINT_WITHOUT_NOT_VALID", "CONSTRAINT_NOT_VALIDATED_LATER", "ALTER_COLUMN_TYPE", "DROP_WITHOUT_ROLLBACK_NOTE"})
    void eachFixtureTripsItsRuleAtItsLine(LintRule rule) throws IOException {
        String fixture = fixture(rule.id() + ".sql");
        Path folder = layout(Map.of("V2__" + rule.id().replace('-', '_') + ".sql", fixture), true, true);

        List<LintFinding> open = open(LintSources.fromPaths(List.of(folder)));

        assertEquals(Set.of(rule), rules(open), () -> open.toString());
        assertEquals(lineAfterTripsComment(fixture), open.getFirst().line());
        assertEquals("V2__" + rule.id().replace('-', '_') + ".sql", open.getFirst().file());
        Cli.Result cli = Cli.run(Map.of(), getClass().getClassLoader(), "lint", folder.toString());
        assertEquals(DeployTool.FAILED, cli.exitCode(), cli::toString);
        assertTrue(cli.out().contains(open.getFirst().headline()), cli::toString);
        assertTrue(cli.out().contains("  why: " + rule.why()) && cli.out().contains("  safe rewrite: " + rule.rewrite()), cli::toString);
    }

    @Test
    void theSafeRewritesPass() throws IOException {
        Map<String, String> steps = new LinkedHashMap<>();
        steps.put("V2__step2.sql", "ALTER TABLE orders ADD CONSTRAINT orders_amount_nn CHECK (amount IS NOT NULL) NOT VALID;\n"
                + "ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;\n"
                + "ALTER TABLE orders ADD COLUMN currency text NOT NULL DEFAULT 'CZK', ADD COLUMN placed_at timestamptz DEFAULT now();\n");
        steps.put("V3__step3.sql", "ALTER TABLE orders VALIDATE CONSTRAINT orders_amount_nn;\nALTER TABLE orders VALIDATE CONSTRAINT orders_account_fk;\n");
        steps.put("V4__step4.sql", "ALTER TABLE orders ALTER COLUMN amount SET NOT NULL, DROP CONSTRAINT orders_amount_nn;\n");
        steps.put("V5__step5.sql", "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_note ON orders (note);\n"
                + "DROP INDEX CONCURRENTLY IF EXISTS idx_orders_account;\n");
        steps.put("V6__step6.sql", "CREATE TABLE refunds (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id));\n"
                + "CREATE INDEX idx_refunds_order ON refunds (order_id);\nALTER TABLE refunds ADD CONSTRAINT refunds_positive CHECK (id > 0);\n");

        List<LintFinding> findings = MigrationLinter.lint(LintSources.fromPaths(List.of(layout(steps, true, true))));

        assertEquals(List.of(), findings);
    }

    @Test
    void validatingInTheSameTransactionGainsNothing() throws IOException {
        Path folder = layout(Map.of("V2__step.sql", "ALTER TABLE orders ADD CONSTRAINT c CHECK (amount > 0) NOT VALID;\n"
                + "ALTER TABLE orders VALIDATE CONSTRAINT c;\n"), true, true);

        List<LintFinding> open = open(LintSources.fromPaths(List.of(folder)));

        assertEquals(Set.of(LintRule.CONSTRAINT_NOT_VALIDATED_LATER), rules(open));
        assertEquals(2, open.getFirst().line(), "reported at the VALIDATE");
    }

    @Test
    void aMigrationWithoutItsRollbackScriptOrMetadataIsAFinding() throws IOException {
        Path folder = layout(Map.of("V2__step.sql", "CREATE TABLE notes (id bigint PRIMARY KEY);\n"), false, false);

        List<LintFinding> open = open(LintSources.fromPaths(List.of(folder)));

        assertEquals(Set.of(LintRule.MISSING_ROLLBACK_SCRIPT, LintRule.MISSING_METADATA), rules(open));
        assertTrue(open.stream().anyMatch(f -> f.statement().contains("missing 2.risk, 2.expected-duration, 2.at-table-size, 2.rollback")),
                open::toString);
    }

    @Test
    void aSilenceWithAReasonIsListedAndPasses() throws IOException {
        Path folder = layout(Map.of("V2__step.sql", "-- mluv-lint: ignore index-without-concurrently because orders stays empty until the shop opens\n"
                + "CREATE INDEX idx_orders_note ON orders (note);\n"), true, true);

        Cli.Result cli = Cli.run(Map.of(), getClass().getClassLoader(), "lint", folder.toString());

        assertEquals(DeployTool.OK, cli.exitCode(), cli::toString);
        assertTrue(cli.out().contains("silenced V2__step.sql:2: index-without-concurrently"), cli::toString);
        assertTrue(cli.out().contains("because orders stays empty until the shop opens"), cli::toString);
        assertTrue(cli.out().contains("0 finding(s), 1 silenced"), cli::toString);
    }

    @Test
    void aSilenceWithoutAReasonSilencesNothing() throws IOException {
        Path folder = layout(Map.of("V2__step.sql", "-- mluv-lint: ignore index-without-concurrently\nCREATE INDEX idx_orders_note ON orders (note);\n"),
                true, true);

        List<LintFinding> open = open(LintSources.fromPaths(List.of(folder)));

        assertEquals(Set.of(LintRule.INDEX_WITHOUT_CONCURRENTLY, LintRule.SILENCE_WITHOUT_REASON), rules(open));
    }

    @Test
    void theRepositoryMigrationsAreClean() {
        Cli.Result classpath = Cli.run(Map.of(), getClass().getClassLoader(), "lint");
        Cli.Result sources = Cli.run(Map.of(), getClass().getClassLoader(), "lint", "src/main/resources/db/migration");

        for (Cli.Result r : List.of(classpath, sources)) {
            assertEquals(DeployTool.OK, r.exitCode(), r::toString);
            assertTrue(r.out().contains("0 finding(s), 0 silenced"), r::toString);
        }
        assertEquals(MigrationScripts.fromClasspath().all().size(), LintSources.fromPaths(List.of(Path.of("src/main/resources/db/migration"))).size());
    }

    @Test
    void migrateAndDryRunRefuseMigrationsWithFindingsBeforeApplyingAnything() throws IOException {
        Path root = dir.resolve("classpath");
        Files.createDirectories(root.resolve("db/migration"));
        Files.writeString(root.resolve("db/migration/V1__base.sql"), fixture("V1__base.sql"));
        Files.writeString(root.resolve("db/migration/V2__step.sql"), fixture("alter-column-type.sql"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
             PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            DeployException e = assertThrows(DeployException.class, () -> MigrationLint.requireClean(loader, print));
            assertTrue(e.getMessage().contains("nothing was applied"), e::getMessage);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("V2__step.sql:2: alter-column-type"), printed);
        assertTrue(printed.contains("V1__base.sql:1: missing-rollback-script"), printed);
    }

    // db/migration/V1__base.sql + the steps (file name -> SQL), their rollback scripts and metadata when asked for.
    private Path layout(Map<String, String> steps, boolean rollback, boolean metadata) throws IOException {
        Path migration = Files.createDirectories(dir.resolve("db/migration"));
        Path rollbacks = Files.createDirectories(dir.resolve("db/rollback"));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("V1__base.sql", fixture("V1__base.sql"));
        files.putAll(steps);
        StringBuilder properties = new StringBuilder();
        for (Map.Entry<String, String> f : files.entrySet()) {
            String name = f.getKey();
            String version = name.substring(1, name.indexOf("__"));
            Files.writeString(migration.resolve(name), f.getValue());
            boolean base = version.equals("1");
            if (rollback || base) {
                Files.writeString(rollbacks.resolve("R" + name.substring(1)), "SELECT 1;\n");
            }
            if (metadata || base) {
                properties.append(version).append(".risk=low\n").append(version).append(".expected-duration=< 1 s\n")
                        .append(version).append(".at-table-size=any size\n").append(version).append(".rollback=undoes the step\n");
            }
        }
        Files.writeString(dir.resolve("db/migration-metadata.properties"), properties.toString());
        return migration;
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = MigrationLintTest.class.getResourceAsStream("/lint-fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int lineAfterTripsComment(String fixture) {
        List<String> lines = new ArrayList<>(fixture.lines().toList());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("-- trips")) {
                return i + 2;
            }
        }
        throw new IllegalStateException("fixture without a -- trips comment");
    }

    private static List<LintFinding> open(List<MigrationLinter.Source> sources) {
        return MigrationLinter.lint(sources).stream().filter(f -> !f.isSilenced()).toList();
    }

    private static Set<LintRule> rules(List<LintFinding> findings) {
        return findings.stream().map(LintFinding::rule).collect(Collectors.toSet());
    }
}
