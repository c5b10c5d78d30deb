package cz.mluv.db.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cz.mluv.db.plan.HotReads;
import cz.mluv.db.testing.DemoDatabase;
import cz.mluv.db.testing.TestContexts;
import cz.mluv.migrations.deploy.PostDeploymentVerifier;
import cz.mluv.migrations.testing.TestPostgres;
import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole catalogue on the demo database (migrated, demo data loaded, analyzed, view refreshed). */
class DemoDatabaseVerificationTest {

    private static TestPostgres.Database db;
    private static VerificationReport report;

    @BeforeAll
    static void verifyTheDemoDatabase() throws Exception {
        db = DemoDatabase.get();
        report = VerificationCatalogue.standard().run(db.dataSource());
        System.out.println(report.toMarkdown());
    }

    @Test
    void everyCheckOfTheCataloguePassesWarnsOrIsSkippedWithAReasonNoneFails() {
        assertEquals(VerificationCatalogue.standard().checks().size(), report.results().size());
        for (CheckResult r : report.results()) {
            assertNotEquals(CheckStatus.FAIL, r.status(), () -> r.id() + " failed: " + r.summary());
            if (r.status() == CheckStatus.SKIPPED) {
                assertNotNull(r.skipReason(), r.id().value());
                assertFalse(r.skipReason().isBlank(), r.id().value());
            }
        }
        assertEquals(0, report.exitCode());
    }

    @Test
    void theCatalogueHoldsEveryCheckTheDesignNamesAndOnePlanContractPerHotRead() {
        List<String> ids = report.results().stream().map(r -> r.id().value()).toList();
        for (String id : List.of("migrations-applied", "expected-indexes", "invalid-indexes", "view-freshness", "index-usage",
                "unused-indexes", "index-size-ratio", "slow-queries", "connections", "lock-waits", "index-build-progress",
                "statistics-age", "fk-without-index", "duplicate-indexes")) {
            assertTrue(ids.contains(id), id);
        }
        HotReads.all().forEach(read -> assertTrue(ids.contains("plan-contract-" + read.id().replace('_', '-')), read.id()));
        for (CheckResult r : report.results()) {
            assertFalse(r.sql().isBlank(), r.id().value());
            assertFalse(r.why().isBlank(), r.id().value());
            assertFalse(r.passRule().isBlank(), r.id().value());
            assertFalse(r.fix().isBlank(), r.id().value());
        }
    }

    @Test
    void everyHotReadOfTheDemoDatabaseKeepsItsPlanContract() {
        report.results().stream().filter(r -> r.id().isPlanContract())
                .forEach(r -> assertEquals(CheckStatus.PASS, r.status(), () -> r.id() + ": " + r.summary()));
    }

    @Test
    void theDemoDatabaseHasItsMigrationsIndexesAndAFreshView() {
        for (String id : List.of("migrations-applied", "expected-indexes", "invalid-indexes", "view-freshness",
                "fk-without-index", "duplicate-indexes", "lock-waits", "index-build-progress")) {
            CheckResult r = report.result(CheckId.parse(id)).orElseThrow();
            assertEquals(CheckStatus.PASS, r.status(), () -> id + ": " + r.summary());
        }
        int declared = cz.mluv.migrations.deploy.ExpectedIndexes.fromClasspath().all().size();
        assertTrue(report.result(CheckId.EXPECTED_INDEXES).orElseThrow().summary().startsWith("all " + declared + " indexes"),
                report.result(CheckId.EXPECTED_INDEXES).orElseThrow().summary());
    }

    @Test
    void slowQueriesAreSkippedWithTheReasonWhenTheExtensionIsNotCreated() {
        CheckResult r = report.result(CheckId.SLOW_QUERIES).orElseThrow();
        assertEquals(CheckStatus.SKIPPED, r.status());
        assertTrue(r.skipReason().contains("pg_stat_statements is not installed"), r.skipReason());
    }

    @Test
    void markdownListsEveryCheckInTheTableAndADetailsSectionWithItsSql() {
        String md = report.toMarkdown();
        assertTrue(md.contains("| Check | Status | Severity | Summary |"), md);
        for (CheckResult r : report.results()) {
            assertTrue(md.contains("| `" + r.id() + "` "), r.id().value());
            assertTrue(md.contains("### `" + r.id() + "` "), r.id().value());
            assertTrue(md.contains("- Fix: " + r.fix().strip().replaceAll("\\s*\\R\\s*", " ")), r.id().value());
        }
        assertTrue(md.contains("```sql\n-- Flyway's schema history"), "the SQL of migrations-applied");
    }

    @Test
    void jsonIsOneDocumentWithEveryResultAndItsDetailRows() throws Exception {
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertEquals(report.results().size(), json.get("results").size());
        assertEquals("PASS", json.get("results").get(0).get("status").asText());
        assertEquals(0, json.get("exitCode").asInt());
        JsonNode history = json.get("results").get(0).get("details");
        assertTrue(history.size() >= 4, "one history row per migration");
        assertEquals("1", history.get(0).get("version").asText());
        for (int i = 0; i < report.results().size(); i++) {
            assertEquals(report.results().get(i).fix(), json.get("results").get(i).get("fix").asText());
        }
    }

    @Test
    void textHasAHeadlineAndOneLinePerCheck() {
        String text = report.toText();
        assertTrue(text.contains(report.status() + ": "), text);
        assertEquals(report.results().size(), text.lines().filter(l -> l.matches("^(PASS|WARN|FAIL|SKIPPED) .*")).count(), text);
        long notPassed = report.results().stream()
                .filter(r -> r.status() == CheckStatus.WARN || r.status() == CheckStatus.FAIL).count();
        assertEquals(notPassed, text.lines().filter(l -> l.startsWith("        fix: ")).count(), text);
    }

    @Test
    void theDeployToolsVerifyFindsTheCatalogueAndPrintsMarkdown() {
        Fixtures.Cli cli = Fixtures.deployTool(db, "verify", "--format", "markdown");
        assertEquals(0, cli.exitCode(), cli::toString);
        assertTrue(cli.out().startsWith("# Post-deployment verification"), cli::toString);
        assertTrue(cli.out().contains("| `expected-indexes` "), cli::toString);
    }

    @Test
    void theVerifierIsAServiceOfTheDeployTool() {
        List<PostDeploymentVerifier> verifiers = ServiceLoader.load(PostDeploymentVerifier.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertTrue(verifiers.stream().anyMatch(v -> v instanceof CatalogueVerifier), verifiers::toString);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new CatalogueVerifier().verify(db.dataSource(), "json", new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"exitCode\" : 0"));
    }

    @Test
    void theMicronautBeanTakesItsThresholdsFromConfigurationAndRunsOnTheApplicationDataSource() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestContexts.properties(db));
        properties.put("mluv.verification.view-warn-after", "3h");
        properties.put("mluv.verification.statistics-max-age", "2d");
        try (ApplicationContext ctx = ApplicationContext.builder().properties(properties).start()) {
            VerificationSettings settings = ctx.getBean(VerificationSettings.class);
            assertEquals(Duration.ofHours(3), settings.viewWarnAfter());
            assertEquals(Duration.ofDays(2), settings.statisticsMaxAge());
            assertEquals(Duration.ofHours(24), settings.viewFailAfter());
            assertEquals(10_000, settings.largeTableRows());
            VerificationCatalogue catalogue = ctx.getBean(VerificationCatalogue.class);
            CheckResult r = catalogue.run(CheckId.VIEW_FRESHNESS, ctx.getBean(DataSource.class));
            assertEquals(CheckStatus.PASS, r.status(), r.summary());
            assertTrue(r.passRule().contains("within 3h"), r.passRule());
        }
    }
}
