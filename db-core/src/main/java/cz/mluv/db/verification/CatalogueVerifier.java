package cz.mluv.db.verification;

import cz.mluv.migrations.deploy.PostDeploymentVerifier;
import java.io.PrintStream;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The deploy tool's {@code verify}: runs the standard {@link VerificationCatalogue} (thresholds from
 * {@code MLUV_VERIFICATION_*}, see {@link VerificationSettings#fromEnvironment()}) and prints the
 * report. Found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/cz.mluv.migrations.deploy.PostDeploymentVerifier} whenever db-core is on
 * the deploy tool's classpath.
 */
public final class CatalogueVerifier implements PostDeploymentVerifier {

    /** Required by {@link java.util.ServiceLoader}. */
    public CatalogueVerifier() {
        // stateless
    }

    /**
     * @return 0 when no check FAILED, 1 when one did
     * @throws IllegalArgumentException when the format is not text, json or markdown, or a
     *                                  {@code MLUV_VERIFICATION_*} value is malformed
     * @throws VerificationException    when the database cannot be reached (its cause is the
     *                                  {@link SQLException})
     */
    @Override
    public int verify(DataSource dataSource, String format, PrintStream out) {
        ReportFormat reportFormat = ReportFormat.parse(format);
        VerificationReport report;
        try {
            report = VerificationCatalogue.standard(VerificationSettings.fromEnvironment()).run(dataSource);
        } catch (SQLException e) {
            throw new VerificationException("the verification could not run: " + e.getMessage(), e);
        }
        out.print(report.render(reportFormat));
        out.flush();
        return report.exitCode();
    }
}
