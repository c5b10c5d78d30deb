package cz.mluv.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import cz.mluv.db.checklist.ChecklistItem;
import cz.mluv.db.checklist.ChecklistTemplate;
import cz.mluv.db.checklist.DeploymentChecklists;
import cz.mluv.db.checklist.DeploymentRecord;
import cz.mluv.db.checklist.SchemaVersions;
import cz.mluv.db.history.SnapshotSource;
import cz.mluv.db.history.StatisticsHistory;
import cz.mluv.db.verification.CheckResult;
import cz.mluv.db.verification.VerificationCatalogue;
import cz.mluv.db.verification.VerificationReport;
import cz.mluv.migrations.deploy.DeployTool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/** The admin console and the API on one test database, driven through Debian's Chromium with Playwright. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminConsoleE2ETest {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("e2e.screenshots", "target"), "screenshots");
    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));

    private Stack stack;
    private Playwright playwright;
    private Browser browser;
    private BrowserContext context;
    private Page page;
    private String testName;

    @BeforeAll
    void start() throws Exception {
        // 2 shared cores: the 5 s default is too tight while the JVM is still warming up.
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        stack = Stack.get();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void newBrowserContext(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000).setAcceptDownloads(true));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
    }

    @AfterEach
    void screenshotAndClose() {
        screenshot(testName);
        context.close();
    }

    @Test
    void loginFailsWithAWrongPasswordAndSucceedsWithTheRightOne() {
        page.navigate(stack.adminUrl() + "/");
        page.waitForURL(Pattern.compile(".*/login$"));
        login(Stack.ADMIN, "not-the-password");
        assertThat(page.locator("vaadin-login-form")).hasAttribute("error", "");
        assertTrue(page.url().endsWith("/login"));
        screenshot("login-wrong-password");

        login(Stack.ADMIN, Stack.ADMIN_PASSWORD);
        page.waitForURL(stack.adminUrl() + "/");
        assertThat(page.locator("#who")).hasText("admin (deployer)");
        String current = stack.admin.context().getBean(SchemaVersions.class).status().current();
        assertThat(page.locator("#schema-version")).containsText("V" + current + " (latest V" + current + ")");
        assertThat(page.locator("#catalogue-tally")).containsText("PASS");
        // The latest run with its age ("3 min ago", the exact time on hover), not a new run per page load.
        assertThat(page.locator("#catalogue-age")).hasAttribute("title", Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC$"));
        assertThat(page.locator("#catalogue-age")).hasText(Pattern.compile("just now|\\d+ (s|min|h|d) ago"));
        assertThat(page.locator("#chart-index-usage svg")).isVisible();
        assertThat(page.locator("#chart-refresh-durations svg")).isVisible();
        assertThat(page.locator("#replicas-summary")).hasText("no read replica: every read goes to the primary");
        String lumo = (String) page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--lumo-primary-color').trim()");
        assertFalse(lumo.isEmpty(), "Lumo is loaded");
        screenshot("dashboard");

        page.locator("#logout").click();
        page.waitForURL(Pattern.compile(".*/login$"));
        page.navigate(stack.adminUrl() + "/views");
        page.waitForURL(Pattern.compile(".*/login$"));
    }

    @Test
    void theHistoryShowsStatementCacheAndSpaceChartsAfterTwoScheduledSnapshots() throws Exception {
        try (Connection c = stack.db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
        // The scheduler's StatsSnapshotJob takes each of its snapshots with StatisticsHistory.take.
        StatisticsHistory history = new StatisticsHistory(stack.db.dataSource());
        history.take(SnapshotSource.SCHEDULE);
        for (int i = 0; i < 20; i++) {
            get(stack.apiUrl() + "/api/v1/leaderboard?metric=total_stars&limit=10");
            get(stack.apiUrl() + "/api/v1/users/active?days=7&limit=20");
        }
        try (Connection c = stack.db.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO messages (user_id, role, text) SELECT u.id, 'user', 'Historie ' || g "
                    + "FROM users u, generate_series(1, 3) g WHERE u.id <= 200");
        }
        history.take(SnapshotSource.SCHEDULE);

        signIn(Stack.ADMIN, Stack.ADMIN_PASSWORD);
        page.navigate(stack.adminUrl() + "/history");
        assertThat(page.locator("#snapshot-count")).containsText("snapshot(s)");
        for (String chart : List.of("#chart-query-mean svg", "#chart-query-p95 svg", "#chart-cache-hit-rate svg",
                "#chart-space-growth svg")) {
            assertThat(page.locator(chart)).isVisible();
        }
        assertThat(page.locator("#chart-space-growth svg")).containsText("messages");
        assertThat(page.locator("#top-statements")).containsText("user_stats_summary");
        screenshot("history");
    }

    @Test
    void aViewerCannotSignOrRefresh() throws Exception {
        DeploymentChecklists checklists = stack.admin.context().getBean(DeploymentChecklists.class);
        DeploymentRecord record = checklists.open("4", "5", Stack.ADMIN);
        long refreshesBefore = refreshCount();

        signIn(Stack.VIEWER, Stack.VIEWER_PASSWORD);
        assertThat(page.locator("#who")).hasText("viewer (viewer)");
        page.navigate(stack.adminUrl() + "/views");
        Locator refresh = page.locator("#refresh-now");
        assertThat(refresh).isDisabled();
        forceClick("#refresh-now");

        page.navigate(stack.adminUrl() + "/deployment/" + record.id());
        assertThat(page.locator("#sign-pre-backup")).isDisabled();
        assertThat(page.locator("#run-pre-current-version")).isDisabled();
        assertThat(page.locator("#close-record")).isDisabled();
        forceClick("#sign-pre-backup");
        forceClick("#run-pre-current-version");
        page.navigate(stack.adminUrl() + "/deployments");
        assertThat(page.locator("#open-record")).isDisabled();

        assertEquals(refreshesBefore, refreshCount(), "a viewer's forged click must not refresh");
        assertTrue(checklists.items(record.id()).stream().noneMatch(s -> s.done()), "a viewer's forged clicks must not sign or run");
    }

    @Test
    void runningAllChecksShowsTheStatusesVerifyReports() throws Exception {
        signIn(Stack.ADMIN, Stack.ADMIN_PASSWORD);
        page.navigate(stack.adminUrl() + "/verification");
        page.locator("#run-all").click();
        assertThat(page.locator("#tally")).containsText("PASS,", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        VerificationReport verify = VerificationCatalogue.standard().run(stack.db.dataSource());
        for (CheckResult expected : verify.results()) {
            assertThat(page.locator("#status-" + expected.id().value())).hasText(expected.status().name());
        }
        // A plan contract shows its EXPLAIN with the index it must use highlighted.
        String contract = verify.results().stream().filter(r -> r.id().value().startsWith("plan-contract-user-messages")).findFirst()
                .orElseThrow().id().value();
        page.locator("#status-" + contract).click();
        assertThat(page.locator("#details-" + contract + " .check-sql")).containsText("EXPLAIN");
        assertThat(page.locator("#details-" + contract + " mark.chosen-index").first()).hasText("idx_messages_user_created");
        // ... and, beside its why and pass rule, what to do when it fails.
        String fix = verify.results().stream().filter(r -> r.id().value().equals(contract)).findFirst().orElseThrow().fix();
        assertThat(page.locator("#details-" + contract + " .check-fix")).hasText("Fix: " + fix);
    }

    @Test
    void aDeploymentRecordIsOpenedSignedClosedAndExported() throws Exception {
        signIn(Stack.ADMIN, Stack.ADMIN_PASSWORD);
        page.navigate(stack.adminUrl() + "/deployments");
        page.locator("#from-version input").fill("4");
        page.locator("#to-version input").fill("5");
        page.locator("#open-record").click();
        page.waitForURL(Pattern.compile(".*/deployment/\\d+$"));
        long id = Long.parseLong(page.url().substring(page.url().lastIndexOf('/') + 1));
        assertThat(page.locator("#baseline")).containsText("slowest");
        assertThat(page.locator("#live-updated")).containsText("live, updated");
        screenshot("deployment-during");

        for (ChecklistItem item : ChecklistTemplate.items()) {
            Locator status = page.locator("#item-status-" + item.key());
            if (item.automatic()) {
                page.locator("#run-" + item.key()).click();
            } else {
                page.locator("#comment-" + item.key() + " input").fill("done by e2e: " + item.title());
                page.locator("#sign-" + item.key()).click();
            }
            assertThat(status).not().hasText("OPEN", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        }
        assertThat(page.locator("#item-status-pre-backup")).hasText("SIGNED");
        assertThat(page.locator("#item-summary-pre-backup")).containsText("done by e2e");

        boolean anyFailed = page.locator("[id^=item-status-].status-FAIL").count() > 0;
        String status = anyFailed ? "PARTIAL" : "SUCCESS";
        page.locator("#close-status").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(status)).click();
        page.locator("#close-notes textarea").fill("closed by the e2e test");
        page.locator("#close-record").click();
        assertThat(page.locator("#record-status")).hasText(status);
        assertThat(page.locator("#post-performance")).containsText("slowest");

        String markdown = page.locator("#markdown").textContent();
        assertTrue(markdown.contains("**Deployed By:** admin"), markdown);
        assertTrue(markdown.contains("[x] " + (anyFailed ? "Partial" : "Success")), markdown);
        assertTrue(markdown.contains("**Post-Deployment Performance:** slowest"), markdown);
        assertTrue(markdown.contains("## During deployment"), markdown);
        Download download = page.waitForDownload(() -> page.locator("#export-markdown").click());
        String file = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertEquals(markdown.strip(), file.strip());
        screenshot("deployment-closed");

        page.navigate(stack.adminUrl() + "/deployments");
        assertThat(page.locator("#records")).containsText(status);
        DeploymentRecord stored = stack.admin.context().getBean(DeploymentChecklists.class).record(id);
        assertEquals(status, stored.status());
    }

    @Test
    void refreshNowUpdatesTheViewAge() {
        signIn(Stack.ADMIN, Stack.ADMIN_PASSWORD);
        page.navigate(stack.adminUrl() + "/views");
        Locator lastSuccess = page.locator("#view-last-success");
        assertThat(lastSuccess).containsText("last success");
        String before = lastSuccess.textContent();
        page.locator("#refresh-now").click();
        assertThat(lastSuccess).not().hasText(before);
        assertThat(page.locator("#view-age")).hasText(Pattern.compile("age \\d+ ms|age \\d\\.\\d s"));
        assertThat(page.locator("#view-last-outcome")).containsText("SUCCESS");
    }

    @Test
    void theLeaderboardApiShowsANewMessageAfterRefreshNow() throws Exception {
        long telegramId = 990_000_001L;
        long topMessages = topTotalMessages();
        try (Connection c = stack.db.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO users (telegram_id, first_name) VALUES (" + telegramId + ", 'E2E Novák')");
            st.execute("INSERT INTO messages (user_id, role, text) SELECT u.id, 'user', 'Ahoj ' || g FROM users u, "
                    + "generate_series(1, " + (topMessages + 5) + ") g WHERE u.telegram_id = " + telegramId);
        }
        String url = stack.apiUrl() + "/api/v1/leaderboard?metric=total_messages&limit=1";
        assertFalse(get(url).contains(String.valueOf(telegramId)), "the view is not refreshed yet");

        signIn(Stack.ADMIN, Stack.ADMIN_PASSWORD);
        page.navigate(stack.adminUrl() + "/views");
        String before = page.locator("#view-last-success").textContent();
        page.locator("#refresh-now").click();
        assertThat(page.locator("#view-last-success")).not().hasText(before);

        String after = get(url);
        assertTrue(after.contains(String.valueOf(telegramId)), after);
    }

    @Test
    void signInSaysTheAccountTableIsMissingAfterARollbackBelowV5AndWorksAgainAfterMigrate() {
        Pattern backup = Pattern.compile("restore --from (mluv_backup_\\w+)");
        Matcher saved = backup.matcher(deploy("rollback", "--to", "4", "--allow-data-loss"));
        assertTrue(saved.find(), "rollback printed its backup schema");
        try {
            page.navigate(stack.adminUrl() + "/login");
            login(Stack.ADMIN, Stack.ADMIN_PASSWORD);
            Locator notice = page.locator("vaadin-notification-card");
            assertThat(notice).isVisible();
            assertThat(page.locator("vaadin-login-form")).hasAttribute("error", "");
            assertThat(page.locator("vaadin-login-form")).containsText("Sign-in unavailable");
            assertThat(notice).containsText("The account table is missing: the schema was rolled back below V5. "
                    + "Run ./mluv deploy migrate");
            assertFalse(notice.textContent().contains("admin_user"), "no SQL or server message on the page");
            assertTrue(page.url().endsWith("/login"));
            page.waitForTimeout(500); // the card's opening animation
            screenshot("login-account-table-missing");
        } finally {
            deploy("migrate");
        }
        // The same console, not restarted: the configured accounts are created at this sign-in.
        signIn(Stack.ADMIN, Stack.ADMIN_PASSWORD);
        assertThat(page.locator("#who")).hasText("admin (deployer)");
        // The accounts just created hold saved ids: bring back the deployment records only.
        deploy("restore", "--from", saved.group(1), "--skip", "admin_user");
    }

    /** Runs the deploy tool on the stack's database; fails the test unless it exits 0. */
    private String deploy(String... command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--url", stack.db.jdbcUrl(), "--user", stack.db.user(), "--password", stack.db.password()));
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            int code = new DeployTool(Map.of(), getClass().getClassLoader(), o, o)
                    .execute(args.toArray(String[]::new));
            assertEquals(0, code, () -> String.join(" ", command) + ":\n" + out.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private String get(String url) {
        APIResponse response = page.request().get(url);
        assertEquals(200, response.status(), response.text());
        return response.text();
    }

    private long topTotalMessages() throws SQLException {
        try (Connection c = stack.db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT max(total_messages) FROM user_stats_summary");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long refreshCount() throws SQLException {
        try (Connection c = stack.db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM mv_refresh_log");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void signIn(String user, String password) {
        page.navigate(stack.adminUrl() + "/login");
        login(user, password);
        page.waitForURL(stack.adminUrl() + "/");
    }

    private void login(String user, String password) {
        page.locator("#vaadinLoginUsername input").fill(user);
        page.locator("#vaadinLoginPassword input").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    }

    /** Re-enables a disabled button in the DOM and clicks it, then waits for a server round trip. */
    private void forceClick(String selector) {
        page.evaluate("s => { const b = document.querySelector(s); b.disabled = false; b.removeAttribute('disabled'); b.click(); }",
                selector);
        page.waitForTimeout(500);
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
