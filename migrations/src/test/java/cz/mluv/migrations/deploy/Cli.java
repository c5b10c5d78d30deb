package cz.mluv.migrations.deploy;

import cz.mluv.migrations.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the deploy tool in this JVM, as {@code java -jar ... <args>} would, and captures what it prints. */
final class Cli {

    /** The exit code and what went to stdout and stderr. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    /** Runs {@code args} against {@code db} (its URL, user and password appended as options). */
    static Result run(TestPostgres.Database db, String... args) {
        return run(Map.of(), Cli.class.getClassLoader(), withConnection(db, args));
    }

    /** Runs {@code args} against {@code db}, finding resources and verifiers through {@code resources}. */
    static Result run(TestPostgres.Database db, ClassLoader resources, String... args) {
        return run(Map.of(), resources, withConnection(db, args));
    }

    /** Runs {@code args} with the given environment and nothing appended. */
    static Result run(Map<String, String> env, ClassLoader resources, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = new DeployTool(env, resources, o, e).execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    private static String[] withConnection(TestPostgres.Database db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", db.jdbcUrl(), "--user", db.user(), "--password", db.password()));
        return all.toArray(String[]::new);
    }
}
