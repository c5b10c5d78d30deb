package cz.mluv.db.checklist;

import cz.mluv.db.verification.CheckId;
import java.util.List;

/**
 * One item of the deployment checklist (design "Deployment checklists").
 *
 * @param key      stable key stored with its result, e.g. {@code pre-backup}
 * @param phase    pre, during or post
 * @param title    what is to be done or checked
 * @param checkIds verification-catalogue checks an automatic item runs; empty for a manual item,
 *                 which a deployer signs with a comment; the single id {@link #WHOLE_CATALOGUE}
 *                 runs every check of the catalogue
 * @param source   where the item comes from (a seed's checklist, the design)
 */
public record ChecklistItem(String key, Phase phase, String title, List<CheckId> checkIds, String source) {

    /** The check id that stands for "every check of the catalogue". */
    public static final CheckId WHOLE_CATALOGUE = new CheckId("whole-catalogue");

    /** Copies the check ids. */
    public ChecklistItem {
        checkIds = List.copyOf(checkIds);
    }

    /** @return {@code true} when the item runs checks, {@code false} when a person signs it */
    public boolean automatic() {
        return !checkIds.isEmpty();
    }
}
