package cz.mluv.db.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaSettingsTest {

    @Test
    void defaultsAreNoReplicasAndAFiveSecondLagLimit() {
        ReplicaSettings s = ReplicaSettings.none();
        assertEquals(0, s.embeddedReplicas());
        assertTrue(s.replicaUrls().isEmpty());
        assertEquals(Duration.ofSeconds(5), s.maxReplicaLag());
        assertEquals(Map.of("mluv.replicas.urls", "", "mluv.replicas.max-lag-ms", 5000L, "mluv.replicas.pool-max", 30),
                s.micronautProperties(List.of()));
    }

    @Test
    void environmentNamesReplicasAndLimits() {
        Map<String, String> env = Map.of("MLUV_REPLICAS", "2", "MLUV_MAX_REPLICA_LAG", "1500ms",
                "MLUV_DB_REPLICA_URLS", " jdbc:postgresql://r1:5432/mluv , jdbc:postgresql://r2:5432/mluv ");
        ReplicaSettings s = ReplicaSettings.from(env::get);
        assertEquals(2, s.embeddedReplicas());
        assertEquals(List.of("jdbc:postgresql://r1:5432/mluv", "jdbc:postgresql://r2:5432/mluv"), s.replicaUrls());
        assertEquals(1500, s.maxReplicaLagMs());
        assertEquals(Path.of("/data/pg-replica2"), ReplicaSettings.embeddedDataDir(Path.of("/data/pg"), 2));
        assertEquals("mluv_replica_2", ReplicaSettings.embeddedName(2));
    }

    @Test
    void malformedValuesAreRefusedNamingTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReplicaSettings.from(Map.of("MLUV_REPLICAS", "12")::get));
        assertTrue(e.getMessage().contains("MLUV_REPLICAS"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ReplicaSettings.from(Map.of("MLUV_MAX_REPLICA_LAG", "soon")::get));
        assertTrue(e.getMessage().contains("MLUV_MAX_REPLICA_LAG"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ReplicaSettings.from(Map.of("MLUV_DB_REPLICA_URLS", "r1:5432")::get));
        assertTrue(e.getMessage().contains("MLUV_DB_REPLICA_URLS"), e.getMessage());
    }
}
