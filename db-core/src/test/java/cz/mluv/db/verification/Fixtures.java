package cz.mluv.db.verification;

import cz.mluv.migrations.Migrations;
import cz.mluv.migrations.deploy.DeployTool;
import cz.mluv.migrations.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** Databases in a given state, and ways to run checks and the deploy tool on them. */
final class Fixtures {

    private Fixtures() {
    }

    /** The exit code and output of one deploy-tool run. */
    record Cli(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** @return a new database with every migration applied and no data */
    static TestPostgres.Database migrated(String prefix) {
        TestPostgres.Database db = TestPostgres.newDatabase(prefix);
        Migrations.migrate(db.dataSource());
        return db;
    }

    /** Runs statements one by one in auto-commit mode. */
    static void exec(TestPostgres.Database db, String... statements) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    /** Runs one check of the standard catalogue with these settings. */
    static CheckResult run(TestPostgres.Database db, String checkId, VerificationSettings settings) throws SQLException {
        return VerificationCatalogue.standard(settings).run(CheckId.parse(checkId), db.dataSource());
    }

    /** Runs one check of the standard catalogue with the default settings. */
    static CheckResult run(TestPostgres.Database db, String checkId) throws SQLException {
        return run(db, checkId, VerificationSettings.defaults());
    }

    /** @return the defaults with some {@code MLUV_VERIFICATION_*} variables set */
    static VerificationSettings settings(Map<String, String> variables) {
        return VerificationSettings.from(variables::get);
    }

    /** Runs the deploy tool of the migrations module in this JVM against {@code db}, as {@code java -jar} would. */
    static Cli deployTool(TestPostgres.Database db, String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--url", db.jdbcUrl(), "--user", db.user(), "--password", db.password()}, 0,
                all, args.length, 6);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = new DeployTool(Map.of(), Fixtures.class.getClassLoader(), o, e).execute(all);
            return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }
}
