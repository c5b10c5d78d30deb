package cz.mluv.admin.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.admin.AdminSettings;
import cz.mluv.db.account.Role;
import cz.mluv.db.testing.TestContexts;
import cz.mluv.migrations.deploy.DeployTool;
import cz.mluv.migrations.testing.TestPostgres;
import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountsTest {

    private static final AdminSettings SETTINGS = new AdminSettings("127.0.0.1", 0, "admin", "admin-pass-1",
            Map.of("viewer", "viewer-pass-1"), Duration.ofMinutes(30));

    @Test
    void noticesTheVanishedAccountTableAndRecreatesTheConfiguredAccountsAfterMigrateWithoutARestart() throws SQLException {
        TestPostgres.Database db = TestPostgres.newDatabase("accounts_rollback");
        deploy(db, "migrate");
        Map<String, Object> properties = new HashMap<>(TestContexts.properties(db));
        properties.remove("mluv.test.count-statements");
        try (ApplicationContext ctx = ApplicationContext.builder().properties(properties).start()) {
            Accounts accounts = ctx.getBean(Accounts.class);
            accounts.ensure(SETTINGS);
            assertEquals(Optional.of(new SignedInUser("admin", Role.DEPLOYER)), accounts.authenticate("admin", "admin-pass-1"));

            deploy(db, "rollback", "--to", "4", "--allow-data-loss");

            AccountsUnavailableException missing = assertThrows(AccountsUnavailableException.class,
                    () -> accounts.authenticate("admin", "admin-pass-1"));
            assertEquals(AccountsUnavailableException.Reason.TABLE_MISSING, missing.reason());
            assertTrue(missing.reference().matches("[0-9a-f]{8}"), missing.reference());
            String shown = LoginView.message(missing);
            assertTrue(shown.startsWith("The account table is missing: the schema was rolled back below V5. Run ./mluv deploy migrate"),
                    shown);
            assertTrue(shown.contains(missing.reference()), shown);
            assertFalse(shown.contains("admin_user") || shown.contains("relation") || shown.contains("ERROR"), shown);
            accounts.ensure(SETTINGS); // a console starting now starts, and says so in its log

            deploy(db, "migrate");

            assertEquals(0, count(db));
            assertEquals(Optional.of(new SignedInUser("viewer", Role.VIEWER)), accounts.authenticate("viewer", "viewer-pass-1"));
            assertEquals(2, count(db));
            assertEquals(Optional.of(new SignedInUser("admin", Role.DEPLOYER)), accounts.authenticate("admin", "admin-pass-1"));
            assertEquals(Optional.empty(), accounts.authenticate("admin", "wrong-pass"));
            assertEquals(2, count(db));
        }
    }

    private static void deploy(TestPostgres.Database db, String... command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = new String[command.length + 6];
        System.arraycopy(command, 0, args, 0, command.length);
        System.arraycopy(new String[] {"--url", db.jdbcUrl(), "--user", db.user(), "--password", db.password()}, 0,
                args, command.length, 6);
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            int code = new DeployTool(Map.of(), AccountsTest.class.getClassLoader(), o, o).execute(args);
            assertEquals(DeployTool.OK, code, () -> String.join(" ", command) + ":\n" + out.toString(StandardCharsets.UTF_8));
        }
    }

    private static long count(TestPostgres.Database db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM admin_user")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
