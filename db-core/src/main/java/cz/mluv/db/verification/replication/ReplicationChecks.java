package cz.mluv.db.verification.replication;

import cz.mluv.db.verification.VerificationCheck;
import java.util.List;

/** The replication checks of the verification catalogue, in report order. */
public final class ReplicationChecks {

    private ReplicationChecks() {
    }

    /**
     * @param replicas the configured replicas and limits
     * @return replica-lag, replication-slots, standby-streaming
     */
    public static List<VerificationCheck> all(ReplicaEndpoints replicas) {
        return List.of(new ReplicaLagCheck(replicas), new ReplicationSlotsCheck(replicas), new StandbyStreamingCheck(replicas));
    }
}
