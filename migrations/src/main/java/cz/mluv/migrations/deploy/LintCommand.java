package cz.mluv.migrations.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lint [PATH...]}: the migration safety lint, without a database. */
@Command(name = "lint",
        description = {"Lints migrations for statements that would block writers on a live table or lose data "
                + "(index-without-concurrently, concurrently-mixed, add-column-volatile-default, "
                + "add-column-not-null-without-default, add-column-stored-generated, set-not-null-without-check, "
                + "constraint-without-not-valid, constraint-not-validated-later, alter-column-type, "
                + "drop-without-rollback-note, missing-rollback-script, missing-metadata).",
                "Each finding: rule id, file:line, why, and the safe rewrite. Silence one statement's finding with a "
                        + "comment in it: -- mluv-lint: ignore <rule-id> because <reason>.",
                "Exit 0: no finding (silenced ones are listed with their reasons); 1: findings."})
final class LintCommand implements Callable<Integer> {

    @ParentCommand
    DeployTool tool;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Migration files or folders (their rollback scripts in ../rollback, metadata in "
                    + "../migration-metadata.properties). None: the migrations this tool applies.")
    List<Path> paths = List.of();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        List<MigrationLinter.Source> sources = paths.isEmpty() ? LintSources.fromClasspath(tool.resources()) : LintSources.fromPaths(paths);
        return MigrationLint.report(MigrationLinter.lint(sources), sources.size(), tool.out()) ? DeployTool.OK : DeployTool.FAILED;
    }
}
