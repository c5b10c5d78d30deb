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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code standby-streaming}: every standby streams. From the primary: each physical slot has an
 * active walsender in state {@code streaming}; from each configured replica: its WAL receiver
 * ({@code pg_stat_wal_receiver}) is {@code streaming}.
 */
public final class StandbyStreamingCheck extends SqlCheck {

    private final ReplicaEndpoints replicas;
    private final String standbySql;

    /** @param replicas the configured replicas */
    public StandbyStreamingCheck(ReplicaEndpoints replicas) {
        super(CheckId.STANDBY_STREAMING, "Standbys streaming", Severity.MAJOR,
                "A standby that stopped streaming (its server down, its WAL receiver failing, the network cut) falls further "
                        + "behind every second while its slot holds WAL on the primary; reads routed to it go to the primary, "
                        + "which then carries the whole read load.",
                "PASS when every physical slot has an active walsender streaming and every configured replica's WAL receiver "
                        + "is streaming (or there is neither); WARN when a walsender is still catching up; FAIL when a slot has no "
                        + "walsender, a configured replica cannot be reached or its WAL receiver is not streaming.");
        this.replicas = replicas;
        this.standbySql = sqlBeside(StandbyStreamingCheck.class, "standby-streaming-standby");
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Map<String, Object> r : query(connection)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seen_from", "primary");
            row.putAll(r);
            rows.add(row);
            String standby = Rows.text(r, "standby");
            if (r.get("slot_name") != null && !Rows.booleanValue(r, "slot_active")) {
                failures.add("slot " + standby + " has no walsender (its standby is not streaming)");
            } else if (r.get("state") != null && !"streaming".equals(Rows.text(r, "state"))) {
                warnings.add(standby + " is " + Rows.text(r, "state"));
            }
        }
        for (String url : replicas.urls()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seen_from", "standby");
            row.put("standby", ReplicaEndpoints.name(url));
            try (Connection c = replicas.connect(url)) {
                List<Map<String, Object>> receiver = Rows.query(c, standbySql);
                if (receiver.isEmpty()) {
                    row.put("status", "no WAL receiver");
                    failures.add(ReplicaEndpoints.name(url) + " has no WAL receiver");
                } else {
                    row.putAll(receiver.getFirst());
                    if (!"streaming".equals(Rows.text(receiver.getFirst(), "status"))) {
                        failures.add(ReplicaEndpoints.name(url) + " WAL receiver is " + Rows.text(receiver.getFirst(), "status"));
                    }
                }
            } catch (SQLException e) {
                row.put("error", e.getSQLState() + ": " + ReplicaLagCheck.oneLine(e.getMessage()));
                failures.add(ReplicaEndpoints.name(url) + " unreachable");
            }
            rows.add(row);
        }
        if (!failures.isEmpty()) {
            return Outcome.fail(String.join("; ", failures), Rows.as(rows, StandbyStream.class));
        }
        if (!warnings.isEmpty()) {
            return Outcome.warn(String.join("; ", warnings), Rows.as(rows, StandbyStream.class));
        }
        return Outcome.pass(rows.isEmpty() ? "no standby configured or connected" : rows.size() + " standby view(s), all streaming", Rows.as(rows, StandbyStream.class));
    }

    /**
     * One standby's streaming state, seen from the primary (slot and walsender) or from the standby
     * (its WAL receiver); the columns of the other side are null.
     *
     * @param seenFrom           {@code primary} or {@code standby}
     * @param standby            slot or application name, or the replica's host:port/database
     * @param slotName           its physical slot (primary side)
     * @param slotActive         whether the slot has a walsender (primary side)
     * @param state              walsender state (primary side)
     * @param clientAddr         walsender client address (primary side)
     * @param status             WAL receiver status (standby side)
     * @param senderHost         host it streams from (standby side)
     * @param senderPort         port it streams from (standby side)
     * @param lastMsgReceiptTime when the receiver last heard from the primary (standby side)
     * @param error              SQLSTATE and first line of the error when the replica could not be reached
     */
    public record StandbyStream(String seenFrom, String standby, String slotName, Boolean slotActive, String state,
                                String clientAddr, String status, String senderHost, Long senderPort,
                                String lastMsgReceiptTime, String error) implements Detail {
    }

    @Override
    public String fix() {
        return "Restart the standby and read its server log for why it stopped (network, primary_conninfo, a WAL segment the primary no longer has); one that lost its WAL is rebuilt from a base backup; a standby that is not coming back: drop its slot (replication-slots).";
    }
}
