package cz.mluv.admin.verification;

import com.vaadin.flow.component.Html;
import cz.mluv.db.verification.CheckResult;
import cz.mluv.db.verification.VerificationCheck;
import cz.mluv.db.verification.plan.PlanContractCheck;
import java.util.Optional;
import java.util.stream.Collectors;

/** The EXPLAIN text of a plan contract's result, with the index the contract names highlighted. */
final class PlanText {

    private PlanText() {
    }

    /**
     * @param check  the check
     * @param result its latest result
     * @return the plan as preformatted HTML, or empty when the check is no plan contract or has no plan
     */
    static Optional<Html> of(VerificationCheck check, CheckResult result) {
        if (!(check instanceof PlanContractCheck contract) || result == null) {
            return Optional.empty();
        }
        String plan = result.details(PlanContractCheck.PlanLine.class).stream().map(PlanContractCheck.PlanLine::plan)
                .collect(Collectors.joining("\n"));
        if (plan.isBlank()) {
            return Optional.empty();
        }
        String index = contract.read().expectedIndex();
        String html = escape(plan).replace(index, "<mark class=\"chosen-index\" style=\"background:#ffe58a;font-weight:700\">"
                + index + "</mark>");
        return Optional.of(new Html("<pre class=\"explain\" style=\"font-size:var(--lumo-font-size-xs);white-space:pre-wrap;"
                + "background:#f4f6f9;padding:0.5em;border-radius:4px;margin:0\">" + html + "</pre>"));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
