package cz.mluv.migrations.deploy;

import java.util.List;
import java.util.ServiceLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verify}: runs the post-deployment checklist of every {@link PostDeploymentVerifier} on the classpath. */
@Command(name = "verify",
        description = "Runs the post-deployment checklist (from the db-core module) and exits 0 when every check passed, "
                + "1 when one failed.")
final class VerifyCommand extends DatabaseCommand {

    /** The report formats. */
    enum Format { text, json, markdown }

    @Option(names = "--format", defaultValue = "text", description = "Report format: ${COMPLETION-CANDIDATES} (default: text).")
    Format format;

    private List<PostDeploymentVerifier> verifiers;

    @Override
    boolean runsDdl() {
        return false;
    }

    @Override
    public Integer call() throws Exception {
        // Before connecting (and maybe starting the embedded server): without a verifier there is nothing to run.
        verifiers = ServiceLoader.load(PostDeploymentVerifier.class, tool.resources()).stream()
                .map(ServiceLoader.Provider::get).toList();
        if (verifiers.isEmpty()) {
            throw DeployException.usage("verify needs the db-core module on the classpath");
        }
        return super.call();
    }

    @Override
    int run(DatabaseTarget db) {
        int exitCode = DeployTool.OK;
        for (PostDeploymentVerifier verifier : verifiers) {
            exitCode = Math.max(exitCode, verifier.verify(db.dataSource(), format.name(), out()));
        }
        out().flush();
        return exitCode;
    }
}
