package cz.mluv.db.verification;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The stable id of a catalogue check, like pg-index-health's {@code Diagnostic}: lower-case words
 * joined by hyphens ({@code invalid-indexes}, {@code plan-contract-user-messages}). The fixed checks
 * are constants here, so that the deploy tool, the API and the console never spell an id as a
 * string literal; checks made per hot read or per library diagnostic get theirs from a factory.
 * Written to JSON as its plain text.
 *
 * @param value the id's text
 */
public record CheckId(@JsonValue String value) implements Comparable<CheckId> {

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** {@code migrations-applied}. */
    public static final CheckId MIGRATIONS_APPLIED = new CheckId("migrations-applied");
    /** {@code expected-indexes}. */
    public static final CheckId EXPECTED_INDEXES = new CheckId("expected-indexes");
    /** {@code invalid-indexes} (pg-index-health's INVALID_INDEXES). */
    public static final CheckId INVALID_INDEXES = new CheckId("invalid-indexes");
    /** {@code view-freshness}. */
    public static final CheckId VIEW_FRESHNESS = new CheckId("view-freshness");
    /** {@code replica-lag}: replay lag of every standby (issue 11). */
    public static final CheckId REPLICA_LAG = new CheckId("replica-lag");
    /** {@code replication-slots}: inactive slots and slots retaining too much WAL. */
    public static final CheckId REPLICATION_SLOTS = new CheckId("replication-slots");
    /** {@code standby-streaming}: standbys that stopped streaming. */
    public static final CheckId STANDBY_STREAMING = new CheckId("standby-streaming");
    /** {@code replica-view-freshness}: the view's age as each replica's readers see it. */
    public static final CheckId REPLICA_VIEW_FRESHNESS = new CheckId("replica-view-freshness");
    /** {@code index-usage}. */
    public static final CheckId INDEX_USAGE = new CheckId("index-usage");
    /** {@code unused-indexes}. */
    public static final CheckId UNUSED_INDEXES = new CheckId("unused-indexes");
    /** {@code index-size-ratio}. */
    public static final CheckId INDEX_SIZE_RATIO = new CheckId("index-size-ratio");
    /** {@code slow-queries}. */
    public static final CheckId SLOW_QUERIES = new CheckId("slow-queries");
    /** {@code connections}. */
    public static final CheckId CONNECTIONS = new CheckId("connections");
    /** {@code lock-waits}. */
    public static final CheckId LOCK_WAITS = new CheckId("lock-waits");
    /** {@code index-build-progress}. */
    public static final CheckId INDEX_BUILD_PROGRESS = new CheckId("index-build-progress");
    /** {@code statistics-age}. */
    public static final CheckId STATISTICS_AGE = new CheckId("statistics-age");
    /** {@code fk-without-index} (pg-index-health's FOREIGN_KEYS_WITHOUT_INDEX). */
    public static final CheckId FK_WITHOUT_INDEX = new CheckId("fk-without-index");
    /** {@code duplicate-indexes} (pg-index-health's DUPLICATED_INDEXES). */
    public static final CheckId DUPLICATE_INDEXES = new CheckId("duplicate-indexes");
    /** {@code cache-hit-rate-tables} (PgHero). */
    public static final CheckId CACHE_HIT_RATE_TABLES = new CheckId("cache-hit-rate-tables");
    /** {@code cache-hit-rate-indexes} (PgHero). */
    public static final CheckId CACHE_HIT_RATE_INDEXES = new CheckId("cache-hit-rate-indexes");
    /** {@code long-running-queries} (PgHero). */
    public static final CheckId LONG_RUNNING_QUERIES = new CheckId("long-running-queries");
    /** {@code idle-in-transaction} (PgHero). */
    public static final CheckId IDLE_IN_TRANSACTION = new CheckId("idle-in-transaction");
    /** {@code transaction-id-wraparound} (PgHero). */
    public static final CheckId TRANSACTION_ID_WRAPAROUND = new CheckId("transaction-id-wraparound");
    /** {@code dead-rows-and-vacuum} (PgHero's maintenance page). */
    public static final CheckId DEAD_ROWS_AND_VACUUM = new CheckId("dead-rows-and-vacuum");
    /** {@code relation-sizes} (PgHero's space page). */
    public static final CheckId RELATION_SIZES = new CheckId("relation-sizes");

    /** {@code suggested-indexes} (PgHero). */
    public static final CheckId SUGGESTED_INDEXES = new CheckId("suggested-indexes");

    /** Prefix of the per-hot-read plan contracts. */
    public static final String PLAN_CONTRACT_PREFIX = "plan-contract-";

    /** @throws IllegalArgumentException when the text is not lower-case words joined by hyphens */
    public CheckId {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a check id (lower-case words joined by hyphens): " + value);
        }
    }

    /**
     * @param text an id as typed by a person or found in a URL; surrounding blanks are ignored
     * @return the id
     * @throws IllegalArgumentException when it has not the shape of an id
     */
    public static CheckId parse(String text) {
        return new CheckId(Objects.requireNonNull(text, "text").strip());
    }

    /**
     * @param readId a hot read's id, e.g. {@code user_messages}
     * @return {@code plan-contract-user-messages}
     */
    public static CheckId planContract(String readId) {
        return new CheckId(PLAN_CONTRACT_PREFIX + readId.replace('_', '-'));
    }

    /**
     * @param enumName an enum constant's name such as pg-index-health's {@code BLOATED_INDEXES}
     * @return its id, {@code bloated-indexes}
     */
    public static CheckId ofConstant(String enumName) {
        return new CheckId(enumName.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** @return whether this is a per-hot-read plan contract */
    public boolean isPlanContract() {
        return value.startsWith(PLAN_CONTRACT_PREFIX);
    }

    @Override
    public int compareTo(CheckId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
