package cz.mluv.db.message;

import cz.mluv.db.InvalidParameterException;
import java.util.Locale;

/** The order of search hits. */
public enum SearchOrder {
    /** The newest matches first, ties by id; pages with the {@code before} cursor. */
    NEWEST,
    /**
     * The newest {@value Messages#RELEVANCE_CANDIDATES} matches ranked by {@code ts_rank_cd},
     * best first (ties: newest first, then by id); one page, no cursor.
     */
    RELEVANCE;

    /**
     * @param value {@code newest} or {@code relevance} (any case); {@code null}: {@link #NEWEST}
     * @return the order
     * @throws InvalidParameterException naming {@code order} for any other value
     */
    public static SearchOrder parse(String value) {
        if (value == null) {
            return NEWEST;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "newest" -> NEWEST;
            case "relevance" -> RELEVANCE;
            default -> throw new InvalidParameterException("order", "order must be newest or relevance");
        };
    }

    /** @return the name the API uses: {@code newest} or {@code relevance} */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
