package cz.mluv.migrations.deploy;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * Mluv's deploy tool: {@code migrate}, {@code status}, {@code history}, {@code dry-run},
 * {@code rollback}, {@code repair} and {@code verify} against one PostgreSQL database.
 *
 * <p>Usage: {@code java -jar mluv-migrations-<version>-deploy.jar <command> [--url JDBC_URL]
 * [--user USER] [--password PASSWORD] [--lock-timeout 5s] [options]}; {@code --help} on any
 * command lists its options. Exit codes: {@link #OK}, {@link #FAILED}, {@link #USAGE}. An error is
 * one line on stderr (the stack trace too with {@code --verbose}).
 */
@Command(name = "mluv-deploy", mixinStandardHelpOptions = true, versionProvider = DeployTool.Version.class,
        description = "Deploys Mluv's PostgreSQL schema with zero downtime.",
        subcommands = {MigrateCommand.class, StatusCommand.class, HistoryCommand.class, DryRunCommand.class,
                RollbackCommand.class, RestoreCommand.class, RepairCommand.class, VerifyCommand.class, LintCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:a migration, rollback, index repair or verification check failed; lint findings",
                "2:usage or configuration error (bad option, unreachable database, refused rollback)"})
public final class DeployTool implements Callable<Integer> {

    /** Exit code: done. */
    public static final int OK = 0;
    /** Exit code: a migration, rollback, index repair or verification check failed. */
    public static final int FAILED = 1;
    /** Exit code: usage or configuration error; nothing was changed. */
    public static final int USAGE = 2;

    private final Map<String, String> env;
    private final ClassLoader resources;
    private final PrintStream out;
    private final PrintStream err;

    @Spec
    private CommandSpec spec;

    /**
     * @param env       the environment to read the {@code MLUV_*} fallbacks from
     * @param resources the class loader that sees the rollback scripts, the migration metadata and
     *                  the {@link PostDeploymentVerifier} implementations
     * @param out       where reports go
     * @param err       where notes and errors go
     */
    public DeployTool(Map<String, String> env, ClassLoader resources, PrintStream out, PrintStream err) {
        this.env = Map.copyOf(env);
        this.resources = resources;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the tool and exits the JVM with its exit code.
     *
     * @param args a command and its options, e.g. {@code migrate --target 3}
     */
    public static void main(String[] args) {
        quietLogging();
        DeployTool tool = new DeployTool(System.getenv(), DeployTool.class.getClassLoader(), System.out, System.err);
        System.exit(tool.execute(args));
    }

    /**
     * Runs one command in this JVM.
     *
     * @param args a command and its options
     * @return the exit code: {@link #OK}, {@link #FAILED} or {@link #USAGE}
     */
    public int execute(String... args) {
        return commandLine().execute(args);
    }

    /** @return the picocli command line of this tool, wired to its streams and exit-code mapping */
    public CommandLine commandLine() {
        CommandLine cl = new CommandLine(this);
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(this::handle);
        return cl;
    }

    /** Without a command: print the usage and fail as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return USAGE;
    }

    private int handle(Exception error, CommandLine command, ParseResult parsed) {
        Failure failure = Failure.of(error);
        err.println("mluv-deploy: " + failure.message());
        if (verbose(parsed)) {
            error.printStackTrace(err);
        }
        err.flush();
        return failure.exitCode();
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    // The deploy jar logs through slf4j-simple on stderr: warnings only (PostgreSQL NOTICEs reach
    // Flyway's log as warnings); the commands print their own progress on stdout, and a failed
    // migration is reported once, as the one-line error (Flyway's DbMigrate would log it again).
    private static void quietLogging() {
        Map.of("defaultLogLevel", "warn", "showThreadName", "false", "showLogName", "false",
                        "log.org.flywaydb.core.internal.command.DbMigrate", "off")
                .forEach((key, value) -> {
                    String property = "org.slf4j.simpleLogger." + key;
                    System.setProperty(property, System.getProperty(property, value));
                });
    }

    /** The version of this jar, from the pom.properties Maven writes into it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws Exception {
            Properties p = new Properties();
            try (InputStream in = DeployTool.class.getResourceAsStream("/META-INF/maven/cz.mluv/mluv-migrations/pom.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"mluv-deploy " + p.getProperty("version", "(development build)")};
        }
    }

    Map<String, String> env() {
        return env;
    }

    ClassLoader resources() {
        return resources;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }
}
