package cz.mluv.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void defaultsAreTheDocumentedFullRun() {
        BenchmarkOptions o = BenchmarkOptions.parse();
        assertEquals(List.of(0.1, 1.0), o.scales());
        assertEquals(5, o.seconds());
        assertEquals(2, o.warmupSeconds());
        assertEquals(List.of(1, 4, 16), o.clients());
        assertEquals(List.of(1, 4), o.beforeClients());
        assertEquals(Path.of("target"), o.workDir());
        assertEquals("./mluv bench --scale 0.1,1 --seconds 5 --warmup 2 --api-warmup 30 --clients 1,4,16 --before-clients 1,4",
                o.commandLine());
    }

    @Test
    void theCommandLineReproducesTheOptionsWithoutThePassword() {
        BenchmarkOptions o = BenchmarkOptions.parse("--scale", "0.5,2", "--seconds", "3", "--clients", "4",
                "--endpoints", "search,leaderboard", "--db-url", "jdbc:postgresql://db/bench", "--db-password", "secret");
        assertEquals(List.of(0.5, 2.0), o.scales());
        assertEquals(List.of("search", "leaderboard"), o.endpoints());
        assertTrue(o.commandLine().contains("--scale 0.5,2 --seconds 3"), o.commandLine());
        assertTrue(o.commandLine().contains("--db-url jdbc:postgresql://db/bench --db-user postgres"), o.commandLine());
        assertTrue(!o.commandLine().contains("secret"));
    }

    @Test
    void badValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse("--scale", "0"));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse("--clients", "0"));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse("--seconds"));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse("--bogus", "1"));
    }

    @Test
    void resilienceIsAFlagWithItsOwnLoadLength() {
        BenchmarkOptions plain = BenchmarkOptions.parse();
        assertEquals(false, plain.resilience());
        assertEquals(60, plain.resilienceSeconds());
        BenchmarkOptions o = BenchmarkOptions.parse("--resilience", "--resilience-seconds", "10", "--work-dir", "x");
        assertEquals(true, o.resilience());
        assertEquals(10, o.resilienceSeconds());
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse("--resilience-seconds", "0"));
    }

    @Test
    void searchSelectsItsQueryKindsAndEveryOtherIdOnlyItself() {
        assertTrue(ScaleRun.selects("search", "search"));
        assertTrue(ScaleRun.selects("search", "search_rare"));
        assertTrue(ScaleRun.selects("search_rare", "search_rare"));
        assertFalse(ScaleRun.selects("search_rare", "search_absent"));
        assertFalse(ScaleRun.selects("user", "user_messages"));
        assertFalse(ScaleRun.selects("rank", "rank_top"));
    }
}
