package cz.mluv.migrations.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL server that is running on a data directory, as its {@code postmaster.pid} says.
 *
 * <p>A data directory serves one server at a time: a second {@link EmbeddedPostgresServer} on a
 * directory in use fails ("could not lock"). A tool that only needs a connection (the deploy tool
 * beside {@code ./mluv run}) asks this class first and connects to the server already running.
 * {@code postmaster.pid} holds the postmaster's PID on line 1 and its TCP port on line 4; the file
 * stays behind after a crash, so the PID must also be alive.
 *
 * @param pid  the postmaster's process id
 * @param port its TCP port on loopback
 */
public record RunningPostmaster(long pid, int port) {

    private static final String PID_FILE = "postmaster.pid";

    /**
     * @param dataDirectory a PostgreSQL data directory, which may not exist
     * @return the server running on it; empty when there is no {@code postmaster.pid}, when it
     *         cannot be read or parsed, or when its PID is not a live process (a stale file)
     */
    public static Optional<RunningPostmaster> in(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.size() < 4) {
            return Optional.empty();
        }
        try {
            RunningPostmaster server = new RunningPostmaster(Long.parseLong(lines.get(0).strip()),
                    Integer.parseInt(lines.get(3).strip()));
            return server.alive() ? Optional.of(server) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** @return whether the process {@link #pid()} exists (it may belong to another user) */
    public boolean alive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * @param database a database name
     * @return a JDBC URL of that database on this server, e.g. {@code jdbc:postgresql://localhost:54329/postgres}
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }
}
