package cz.mluv.migrations.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** postmaster.pid tells a running server from a stopped one and from the stale file a crash leaves. */
class RunningPostmasterTest {

    @Test
    void aRunningServerIsFoundWithItsPidAndPort(@TempDir Path dir) {
        Path data = dir.resolve("pgdata");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, true, 0)) {
            RunningPostmaster running = RunningPostmaster.in(data).orElseThrow();
            assertEquals(server.port(), running.port());
            assertEquals(server.jdbcUrl("postgres"), running.jdbcUrl("postgres"));
        }
        assertEquals(Optional.empty(), RunningPostmaster.in(data), "stopped: postmaster.pid is gone");
    }

    @Test
    void aPidFileWhoseProcessIsGoneIsStale(@TempDir Path data) throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        Files.writeString(data.resolve("postmaster.pid"),
                exited.pid() + "\n" + data + "\n1700000000\n54329\n/tmp\nlocalhost\n  1234567  7\nready\n");
        assertEquals(Optional.empty(), RunningPostmaster.in(data));
    }

    @Test
    void noDataDirectoryMeansNoServer(@TempDir Path dir) {
        assertEquals(Optional.empty(), RunningPostmaster.in(dir.resolve("missing")));
    }
}
