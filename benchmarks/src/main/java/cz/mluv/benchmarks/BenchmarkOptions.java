package cz.mluv.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line options of {@link BenchmarkMain}.
 *
 * @param scales        data set sizes as fractions of the benchmark size (1 = 100,000 users,
 *                      2,000,000 messages); {@code --scale 0.1,1}
 * @param seconds       measured time per load point, s ({@code --seconds})
 * @param warmupSeconds unrecorded time before each load point, s ({@code --warmup})
 * @param apiWarmupSeconds time the API is driven through every endpoint before the first "after"
 *                      load point, so the JIT has compiled the request path, s ({@code --api-warmup})
 * @param clients       concurrent clients of the "after" and floor runs ({@code --clients 1,4,16})
 * @param beforeClients concurrent clients of the "before" runs ({@code --before-clients 1,4})
 * @param endpoints     endpoint ids to measure, empty = all ({@code --endpoints user_messages,search}; {@code search}
 *                      also selects the search kinds {@code search_*})
 * @param workDir       where the embedded databases and the report go ({@code --work-dir target})
 * @param dbUrl         an external server instead of the embedded one ({@code --db-url}); its
 *                      Mluv tables are emptied and refilled: give it a benchmark database
 * @param dbUser        user of the external server ({@code --db-user})
 * @param dbPassword    password of the external server ({@code --db-password})
 * @param resilience    run the resilience benchmark instead ({@code --resilience}, a flag):
 *                      64 clients on the leaderboard and user reads, then a 10 s PostgreSQL outage
 *                      under the same load ({@link cz.mluv.benchmarks.resilience.ResilienceRun})
 * @param resilienceSeconds length of the resilience load phase, s ({@code --resilience-seconds}, default 60)
 */
public record BenchmarkOptions(List<Double> scales, int seconds, int warmupSeconds, int apiWarmupSeconds, List<Integer> clients,
                               List<Integer> beforeClients, List<String> endpoints, Path workDir,
                               String dbUrl, String dbUser, String dbPassword, boolean resilience, int resilienceSeconds) {

    /** The usage text. */
    public static final String USAGE = """
            usage: BenchmarkMain [--scale 0.1,1] [--seconds 5] [--warmup 2] [--api-warmup 30] [--clients 1,4,16]
                                 [--before-clients 1,4] [--endpoints id,...] [--work-dir target]
                                 [--db-url jdbc:postgresql://... --db-user u --db-password p]
                   or: BenchmarkMain --resilience [--resilience-seconds 60] [--work-dir target]""";

    /**
     * @param args the command line
     * @return the options, defaults filled in
     * @throws IllegalArgumentException on an unknown option or a bad value
     */
    public static BenchmarkOptions parse(String... args) {
        List<Double> scales = List.of(0.1, 1.0);
        int seconds = 5;
        int warmup = 2;
        int apiWarmup = 30;
        List<Integer> clients = List.of(1, 4, 16);
        List<Integer> before = List.of(1, 4);
        List<String> endpoints = List.of();
        Path work = Path.of("target");
        String url = null;
        String user = "postgres";
        String password = "";
        boolean resilience = false;
        int resilienceSeconds = 60;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (a.equals("--resilience")) {
                resilience = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value\n" + USAGE);
            }
            String v = args[++i];
            switch (a) {
                case "--scale" -> scales = list(v).stream().map(BenchmarkOptions::scale).toList();
                case "--seconds" -> seconds = positive(a, v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--api-warmup" -> apiWarmup = Integer.parseInt(v);
                case "--clients" -> clients = list(v).stream().map(s -> positive(a, s)).toList();
                case "--before-clients" -> before = list(v).stream().map(s -> positive(a, s)).toList();
                case "--endpoints" -> endpoints = list(v);
                case "--work-dir" -> work = Path.of(v);
                case "--db-url" -> url = v;
                case "--db-user" -> user = v;
                case "--db-password" -> password = v;
                case "--resilience-seconds" -> resilienceSeconds = positive(a, v);
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        if (warmup < 0 || apiWarmup < 0) {
            throw new IllegalArgumentException("--warmup and --api-warmup must not be negative");
        }
        return new BenchmarkOptions(scales, seconds, warmup, apiWarmup, clients, before, endpoints, work, url, user, password,
                resilience, resilienceSeconds);
    }

    /** @return the measured time per load point */
    public Duration measure() {
        return Duration.ofSeconds(seconds);
    }

    /** @return the warm-up per load point */
    public Duration warmup() {
        return Duration.ofSeconds(warmupSeconds);
    }

    /** @return the command line that reproduces these options (the password left out) */
    public String commandLine() {
        List<String> parts = new ArrayList<>(List.of("./mluv bench",
                "--scale " + String.join(",", scales.stream().map(BenchmarkOptions::format).toList()),
                "--seconds " + seconds, "--warmup " + warmupSeconds, "--api-warmup " + apiWarmupSeconds,
                "--clients " + join(clients), "--before-clients " + join(beforeClients)));
        if (!endpoints.isEmpty()) {
            parts.add("--endpoints " + String.join(",", endpoints));
        }
        if (dbUrl != null) {
            parts.add("--db-url " + dbUrl + " --db-user " + dbUser);
        }
        return String.join(" ", parts);
    }

    /**
     * @param scale a fraction such as 0.1
     * @return it as written on the command line ({@code 0.1}, {@code 1})
     */
    public static String format(double scale) {
        return scale == Math.rint(scale) ? Long.toString((long) scale) : Double.toString(scale);
    }

    private static String join(List<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    private static List<String> list(String v) {
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static double scale(String v) {
        double d = Double.parseDouble(v);
        if (d <= 0 || d > 100) {
            throw new IllegalArgumentException("--scale values must be in (0, 100], was " + v);
        }
        return d;
    }

    private static int positive(String option, String v) {
        int n = Integer.parseInt(v);
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, was " + v);
        }
        return n;
    }
}
