package cz.mluv.api.docs;

/**
 * Texts of the OpenAPI document shared by the controllers' annotations (compile-time constants):
 * each error response names its problem type, so that the document at {@code /docs} lists every
 * error an operation can answer with the {@code type} its problem+json body carries.
 */
public final class ApiDocs {

    /** Media type of every error body. */
    public static final String PROBLEM_JSON = "application/problem+json";
    /** Base of every problem type URI. */
    public static final String TYPES = "https://mluv.cz/problems/";

    /** 400: a parameter out of range or malformed. */
    public static final String INVALID_PARAMETER = "Invalid parameter: problem type `" + TYPES + "invalid-parameter` "
            + "(out of range, malformed, text PostgreSQL cannot take), or `" + TYPES + "bad-request` when Micronaut "
            + "could not bind it (not a number, not a date); `parameter` names it";
    /** 404: no such user. */
    public static final String USER_NOT_FOUND = "No user with that Telegram id: problem type `" + TYPES + "user-not-found`";
    /** 409: stale leaderboard cursor. */
    public static final String STALE_CURSOR = "The view was refreshed since that page: problem type `" + TYPES
            + "stale-cursor`, `parameter` is `after`; start again without it";
    /** 500. */
    public static final String INTERNAL_ERROR = "Server-side failure: problem type `" + TYPES + "internal-error` with `errorId` "
            + "(also in the Mluv-Error-Id header) under which the server log holds the details";
    /** 503. */
    public static final String DATABASE_UNAVAILABLE = "Database unreachable or mid-deployment: problem type `" + TYPES
            + "database-unavailable`, `Retry-After: 2`, `errorId`";
    /** 304 of the cached reads. */
    public static final String NOT_MODIFIED = "`If-None-Match` named the current `ETag` (the view was not refreshed since): "
            + "no body, answered without touching the database";
    /** 200 of the cached reads. */
    public static final String CACHED_OK = "The answer, with `ETag` (the view's refresh generation and this request) and "
            + "`Cache-Control: max-age` up to the view's next scheduled refresh";
    /** The conditional request header. */
    public static final String IF_NONE_MATCH = "The `ETag` of an earlier answer: 304 when the view was not refreshed since";
    /** The request id header. */
    public static final String REQUEST_ID = "Your id for this call (1..128 characters of A-Z a-z 0-9 . _ ~ : + / = -), else one "
            + "is generated; echoed in the response's X-Request-Id, in problem bodies (`requestId`) and in the server log";

    private ApiDocs() {
    }
}
