package cz.mluv.db.verification.replication;

import cz.mluv.db.replica.ReplicaEndpoints;
import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Rows;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code replication-slots}: slots that are inactive, hold back too much WAL, or lost WAL they need. */
public final class ReplicationSlotsCheck extends SqlCheck {

    private final long maxRetainedBytes;

    /** @param replicas the limits ({@link ReplicaEndpoints#maxSlotWalBytes()}) */
    public ReplicationSlotsCheck(ReplicaEndpoints replicas) {
        super(CheckId.REPLICATION_SLOTS, "Replication slots", Severity.CRITICAL,
                "A physical slot makes the primary keep every WAL segment its standby has not confirmed: a standby that is "
                        + "gone leaves an inactive slot that retains WAL until the primary's disk is full and it stops "
                        + "taking writes (PostgreSQL manual, \"Replication Slots\").",
                "PASS when every slot is active and retains at most MLUV_MAX_SLOT_WAL (default 1024 MB); WARN when a slot "
                        + "is inactive but within the limit; FAIL when one retains more, or its wal_status is unreserved or lost.");
        this.maxRetainedBytes = replicas.maxSlotWalBytes();
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        List<Map<String, Object>> rows = query(connection);
        List<String> failures = new ArrayList<>();
        List<String> inactive = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            String slot = Rows.text(r, "slot_name");
            String walStatus = r.get("wal_status") == null ? "" : Rows.text(r, "wal_status");
            long retained = r.get("retained_bytes") == null ? 0 : Rows.longValue(r, "retained_bytes");
            if (walStatus.equals("lost") || walStatus.equals("unreserved")) {
                failures.add(slot + " wal_status " + walStatus);
            } else if (retained > maxRetainedBytes) {
                failures.add(slot + " retains " + Rows.text(r, "retained") + " of WAL");
            }
            if (!Rows.booleanValue(r, "active")) {
                inactive.add(slot + " (" + Rows.text(r, "retained") + " retained)");
            }
        }
        String limit = " (limit " + maxRetainedBytes / (1024 * 1024) + " MB)";
        if (!failures.isEmpty()) {
            return Outcome.fail(String.join("; ", failures) + limit, Rows.as(rows, Slot.class));
        }
        if (!inactive.isEmpty()) {
            return Outcome.warn("inactive slot(s): " + String.join(", ", inactive) + limit, Rows.as(rows, Slot.class));
        }
        return Outcome.pass(rows.isEmpty() ? "no replication slot" : rows.size() + " slot(s), all active" + limit, Rows.as(rows, Slot.class));
    }

    /**
     * One replication slot (pg_replication_slots).
     *
     * @param slotName      its name
     * @param slotType      physical or logical
     * @param active        whether a walsender streams through it now
     * @param walStatus     reserved / extended / unreserved / lost
     * @param retainedBytes WAL kept for it since restart_lsn, bytes
     * @param retained      the same, pg_size_pretty
     */
    public record Slot(String slotName, String slotType, boolean active, String walStatus, Long retainedBytes,
                       String retained) implements Detail {
    }

    @Override
    public String fix() {
        return "A slot whose standby is gone for good: `SELECT pg_drop_replication_slot('<slot>')` (the standby is then rebuilt from a base backup); an active slot that holds too much WAL: see replica-lag and standby-streaming; cap what any slot may hold with max_slot_wal_keep_size.";
    }
}
