package cz.mluv.db.verification.replication;

import cz.mluv.db.replica.ReplicaEndpoints;
import cz.mluv.db.verification.VerificationCheck;
import cz.mluv.db.verification.VerificationSettings;
import java.util.List;

/** The replication checks of the verification catalogue, in report order. */
public final class ReplicationChecks {

    private ReplicationChecks() {
    }

    /**
     * @param replicas the configured replicas and limits
     * @return replica-lag, replication-slots, standby-streaming, replica-view-freshness (default view thresholds)
     */
    public static List<VerificationCheck> all(ReplicaEndpoints replicas) {
        return all(replicas, VerificationSettings.defaults());
    }

    /**
     * @param replicas the configured replicas and limits
     * @param settings the catalogue's thresholds (view age)
     * @return replica-lag, replication-slots, standby-streaming, replica-view-freshness
     */
    public static List<VerificationCheck> all(ReplicaEndpoints replicas, VerificationSettings settings) {
        return List.of(new ReplicaLagCheck(replicas), new ReplicationSlotsCheck(replicas), new StandbyStreamingCheck(replicas),
                new ReplicaViewFreshnessCheck(replicas, settings.viewWarnAfter(), settings.viewFailAfter()));
    }
}
