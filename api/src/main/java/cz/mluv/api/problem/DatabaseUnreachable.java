package cz.mluv.api.problem;

/**
 * Published (a Micronaut application event) when a request failed because a connection to the
 * database could not be opened ({@link DatabaseUnavailability#unreachable}); the API's database
 * circuit listens to it.
 *
 * @param cause the failure
 */
public record DatabaseUnreachable(Throwable cause) {
}
