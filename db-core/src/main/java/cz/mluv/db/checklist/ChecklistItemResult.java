package cz.mluv.db.checklist;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One row of {@code checklist_item_result}: what one item of a deployment record came to.
 *
 * @param id           row id, {@code null} before insert
 * @param deploymentId the record
 * @param itemKey      the {@link ChecklistItem#key()}
 * @param outcome      {@code PASS}, {@code WARN}, {@code FAIL}, {@code SKIPPED} (automatic items:
 *                     the worst status of their checks) or {@code SIGNED} (manual items)
 * @param summary      one line per check run, or the signer's comment
 * @param details      the checks' SQL and detail rows (automatic items); {@code null} for manual ones
 * @param recordedBy   who ran or signed it
 * @param recordedAt   when
 */
@MappedEntity("checklist_item_result")
public record ChecklistItemResult(@Id @GeneratedValue @Nullable Long id, long deploymentId, String itemKey,
                                  String outcome, String summary, @Nullable String details, String recordedBy,
                                  Instant recordedAt) {
}
