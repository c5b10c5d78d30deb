package cz.mluv.db.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.db.account.AdminUser;
import cz.mluv.db.account.AdminUserRepository;
import cz.mluv.db.history.HistoryQueries;
import cz.mluv.db.history.SnapshotSource;
import cz.mluv.db.history.StatisticsHistory;
import cz.mluv.db.history.StatsSnapshot;
import cz.mluv.db.testing.TestContexts;
import cz.mluv.migrations.Migrations;
import cz.mluv.migrations.testing.TestPostgres;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deployment records and accounts on a real, freshly migrated PostgreSQL (no demo data: the checks still run). */
class DeploymentChecklistsTest {

    private static ApplicationContext context;
    private static DeploymentChecklists checklists;

    @BeforeAll
    static void start() {
        TestPostgres.Database db = TestPostgres.newDatabase("checklist");
        Migrations.migrate(db.dataSource());
        context = ApplicationContext.run(TestContexts.properties(db));
        checklists = context.getBean(DeploymentChecklists.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aRecordWalksItsItemsClosesOnceAndExportsAsMarkdown() throws Exception {
        DeploymentRecord record = checklists.open("4", "5", "alice");
        assertTrue(record.baselinePerformance().startsWith("slowest"), record.baselinePerformance());
        assertEquals(ChecklistTemplate.items().size(), checklists.items(record.id()).size());

        ChecklistItemResult version = checklists.run(record.id(), "pre-current-version", "alice");
        assertEquals("PASS", version.outcome(), version.summary());
        assertTrue(version.summary().startsWith("PASS migrations-applied"), version.summary());
        assertTrue(version.details().contains("flyway_schema_history"), version.details());
        ChecklistItemResult signed = checklists.sign(record.id(), "pre-backup", "alice", "pg_dump to s3://backups/x");
        assertEquals("SIGNED", signed.outcome());

        assertThrows(ChecklistException.class, () -> checklists.sign(record.id(), "pre-staging", "alice", " "));
        assertThrows(ChecklistException.class, () -> checklists.sign(record.id(), "pre-current-version", "alice", "x"));
        assertThrows(ChecklistException.class, () -> checklists.run(record.id(), "pre-backup", "alice"));
        ChecklistException notAll = assertThrows(ChecklistException.class,
                () -> checklists.close(record.id(), "SUCCESS", "alice", ""));
        assertTrue(notAll.getMessage().contains("Tested on the staging environment (OPEN)"), notAll.getMessage());

        DeploymentRecord closed = checklists.close(record.id(), "PARTIAL", "bob", "staging skipped");
        assertEquals("PARTIAL", closed.status());
        assertEquals("bob", closed.closedBy());
        assertNotNull(closed.postPerformance());
        assertThrows(ChecklistException.class, () -> checklists.close(record.id(), "ROLLBACK", "bob", ""));
        assertThrows(ChecklistException.class, () -> checklists.sign(record.id(), "pre-staging", "bob", "late"));

        String md = checklists.markdown(record.id());
        assertTrue(md.startsWith("# Deployment record " + record.id() + ": V4 -> V5"), md);
        assertTrue(md.contains("**Deployed By:** alice"), md);
        assertTrue(md.contains("**Status:** [ ] Success [x] Partial [ ] Rollback"), md);
        assertTrue(md.contains("- [x] Full database backup taken — **SIGNED** (alice,"), md);
        assertTrue(md.contains("  - pg_dump to s3://backups/x"), md);
        assertTrue(md.contains("- [ ] Tested on the staging environment — **OPEN**"), md);
        assertEquals(record.id(), checklists.history(10).getFirst().id());
    }

    @Test
    void runningAnItemAgainReplacesItsResult() throws Exception {
        DeploymentRecord record = checklists.open("5", "5", "alice");
        checklists.run(record.id(), "during-lock-waits", "alice");
        checklists.run(record.id(), "during-lock-waits", "carol");
        ItemState state = checklists.items(record.id()).stream().filter(s -> s.item().key().equals("during-lock-waits"))
                .findFirst().orElseThrow();
        assertEquals("carol", state.result().recordedBy());
        assertEquals("PASS", state.outcome());
    }

    @Test
    void accountsAreFoundByName() {
        AdminUserRepository users = context.getBean(AdminUserRepository.class);
        AdminUser saved = users.save(new AdminUser(null, "dana", "$2a$10$hash", "viewer", Instant.now().truncatedTo(ChronoUnit.MICROS)));
        assertNotNull(saved.id());
        assertEquals("viewer", users.findByUsername("dana").orElseThrow().role());
        assertTrue(users.existsByUsername("dana"));
        assertNull(users.findByUsername("Dana").orElse(null));
    }

    @Test
    void withPgStatStatementsBaselineAndPostNumbersComeFromTheHistorySnapshotsTheRecordTakes() throws Exception {
        TestPostgres.Database withStatements = TestPostgres.newDatabase("checklists_history");
        Migrations.migrate(withStatements.dataSource());
        try (Connection c = withStatements.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
        try (ApplicationContext ctx = ApplicationContext.run(TestContexts.properties(withStatements))) {
            DeploymentChecklists records = ctx.getBean(DeploymentChecklists.class);
            HistoryQueries history = ctx.getBean(HistoryQueries.class);
            long before = new StatisticsHistory(withStatements.dataSource()).take(SnapshotSource.SCHEDULE);
            probe(withStatements, 4);
            DeploymentRecord record = records.open("11", "12", "alice");
            assertEquals(List.of(before + 1), history.deploymentSnapshots(record.id()));
            assertTrue(record.baselinePerformance().startsWith("slowest mean "), record.baselinePerformance());
            assertTrue(record.baselinePerformance().contains("snapshots " + before + ".." + (before + 1) + " (history)"),
                    record.baselinePerformance());
            assertTrue(record.baselinePerformance().contains("FROM users WHERE id > $1: 4 call(s)"), record.baselinePerformance());

            probe(withStatements, 6);
            DeploymentRecord closed = records.close(record.id(), "PARTIAL", "bob", "");
            assertEquals(List.of(before + 1, before + 2), history.deploymentSnapshots(record.id()));
            assertTrue(closed.postPerformance().contains("FROM users WHERE id > $1: 6 call(s), mean "), closed.postPerformance());
            assertTrue(closed.postPerformance().contains("(baseline "), closed.postPerformance());
            assertEquals(List.of(SnapshotSource.SCHEDULE, SnapshotSource.DEPLOYMENT, SnapshotSource.DEPLOYMENT),
                    history.snapshots(10).stream().map(StatsSnapshot::source).toList());
        }
    }

    private static void probe(TestPostgres.Database db, int times) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM users WHERE id > ?")) {
            for (int i = 0; i < times; i++) {
                ps.setLong(1, i);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        }
    }
}
