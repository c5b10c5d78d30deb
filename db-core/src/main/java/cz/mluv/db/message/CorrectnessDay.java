package cz.mluv.db.message;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/**
 * Correctness of one user's scored messages on one UTC day.
 *
 * @param day            the UTC date
 * @param scoredMessages messages with a correctness score that day
 * @param averageScore   mean score, 0-100, two decimals
 * @param minScore       lowest score, 0-100
 * @param maxScore       highest score, 0-100
 */
@Serdeable
public record CorrectnessDay(LocalDate day, long scoredMessages, double averageScore, int minScore, int maxScore) {
}
