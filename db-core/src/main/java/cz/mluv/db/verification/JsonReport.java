package cz.mluv.db.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;

/** {@link ReportFormat#JSON}: the whole report, every detail row included, written by Jackson. */
final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The document's shape: the report's facts first, then one object per check. */
    private record Document(String database, String serverVersion, String startedAt, long durationMs, CheckStatus status,
                            int exitCode, Map<CheckStatus, Long> counts, List<CheckResult> results) {
    }

    private JsonReport() {
    }

    static String render(VerificationReport report) {
        try {
            return JSON.writeValueAsString(new Document(report.database(), report.serverVersion(),
                    report.startedAt().toString(), report.durationMs(), report.status(), report.exitCode(), report.counts(),
                    report.results())) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the verification report cannot be written as JSON", e);
        }
    }
}
