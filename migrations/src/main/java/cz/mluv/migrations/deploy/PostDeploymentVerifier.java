package cz.mluv.migrations.deploy;

import java.io.PrintStream;
import javax.sql.DataSource;

/**
 * The post-deployment checklist behind {@code mluv-deploy verify}, implemented downstream (the
 * verification catalogue lives in db-core, which depends on this module) and found with
 * {@link java.util.ServiceLoader}: an implementation lists itself in
 * {@code META-INF/services/cz.mluv.migrations.deploy.PostDeploymentVerifier} and has a public
 * no-argument constructor.
 *
 * <p>Without an implementation on the classpath, {@code verify} prints
 * "verify needs the db-core module on the classpath" and exits with 2.
 */
public interface PostDeploymentVerifier {

    /** The output formats {@link #verify} is asked for. */
    String TEXT = "text";
    /** JSON: one document on {@code out}. */
    String JSON = "json";
    /** Markdown: a table a person can paste into a deploy log or pull request. */
    String MARKDOWN = "markdown";

    /**
     * Runs every post-deployment check against the database and reports the results.
     *
     * @param dataSource the deployed database; connections in auto-commit mode with the deploy
     *                   tool's {@code lock_timeout} set; the verifier closes what it opens and changes
     *                   no data
     * @param format     {@link #TEXT}, {@link #JSON} or {@link #MARKDOWN}
     * @param out        where the report goes (the tool's stdout); the verifier does not close it
     * @return the exit code: 0 when every check passed, 1 when at least one failed
     */
    int verify(DataSource dataSource, String format, PrintStream out);
}
