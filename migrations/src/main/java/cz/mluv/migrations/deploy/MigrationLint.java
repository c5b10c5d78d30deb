package cz.mluv.migrations.deploy;

import java.io.PrintStream;
import java.util.List;

/** Prints lint findings, and runs the lint of the classpath's migrations before {@code migrate} and {@code dry-run}. */
final class MigrationLint {

    private MigrationLint() {
    }

    /**
     * Prints every finding: open ones with why and the rewrite, silenced ones with their reason.
     *
     * @param findings what {@link MigrationLinter#lint} found
     * @param scripts  how many migrations were linted
     * @param out      where to print
     * @return {@code true} when no finding is open
     */
    static boolean report(List<LintFinding> findings, int scripts, PrintStream out) {
        List<LintFinding> open = findings.stream().filter(f -> !f.isSilenced()).toList();
        for (LintFinding f : open) {
            out.println(f.headline());
            out.println("  why: " + f.rule().why());
            out.println("  safe rewrite: " + f.rule().rewrite());
        }
        findings.stream().filter(LintFinding::isSilenced)
                .forEach(f -> out.println("silenced " + f.headline() + "\n  because " + f.silenced()));
        long silenced = findings.size() - open.size();
        out.println("Lint: " + scripts + " migration(s), " + open.size() + " finding(s), " + silenced + " silenced");
        return open.isEmpty();
    }

    /**
     * The lint {@code migrate} and {@code dry-run} run before anything else.
     *
     * @param resources the class loader that sees the migrations
     * @param out       where findings go
     * @throws DeployException (failed) when a finding is open: nothing has been applied
     */
    static void requireClean(ClassLoader resources, PrintStream out) {
        List<MigrationLinter.Source> sources = LintSources.fromClasspath(resources);
        List<LintFinding> findings = MigrationLinter.lint(sources);
        if (findings.stream().anyMatch(f -> !f.isSilenced())) {
            report(findings, sources.size(), out);
            throw DeployException.failed("the migrations have lint findings (above); nothing was applied. "
                    + "Fix them, or silence one with a reason: -- mluv-lint: ignore <rule-id> because <reason>", null);
        }
    }
}
