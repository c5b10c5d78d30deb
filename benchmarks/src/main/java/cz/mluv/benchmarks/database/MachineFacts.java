package cz.mluv.benchmarks.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What the numbers were taken on.
 *
 * @param cores       processors the JVM sees
 * @param cpuModel    from /proc/cpuinfo ({@code unknown} elsewhere)
 * @param memoryBytes physical memory, bytes (/proc/meminfo MemTotal)
 * @param os          operating system name and version
 * @param jdk         JVM vendor, name and version
 * @param gitCommit   the commit measured ({@code unknown} outside a git checkout)
 */
public record MachineFacts(int cores, String cpuModel, long memoryBytes, String os, String jdk, String gitCommit) {

    /** @return the facts of this machine and JVM */
    public static MachineFacts collect() {
        return new MachineFacts(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemoryBytes(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " " + Runtime.version(),
                readGitCommit());
    }

    /**
     * @return the 1, 5 and 15 minute load averages from /proc/loadavg, e.g. {@code 3.10 2.80 2.05},
     *         or {@code unknown}
     */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String readCpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long readMemoryBytes() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst().orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String readGitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}
