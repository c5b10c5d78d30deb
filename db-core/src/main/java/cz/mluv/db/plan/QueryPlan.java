package cz.mluv.db.plan;

import java.util.List;

/**
 * What EXPLAIN said about a hot read.
 *
 * @param readId       the {@link HotRead#id()}
 * @param indexesUsed  index names of every Index Scan / Index Only Scan / Bitmap Index Scan node
 * @param seqScans     relations read by a Seq Scan node
 * @param text         the plan as EXPLAIN's text format prints it
 */
public record QueryPlan(String readId, List<String> indexesUsed, List<String> seqScans, String text) {

    /**
     * @param index an index name
     * @return {@code true} when some plan node scans that index
     */
    public boolean uses(String index) {
        return indexesUsed.contains(index);
    }
}
