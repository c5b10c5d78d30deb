package cz.mluv.db.verification.suggest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * What an index could serve in one SELECT on one table, parsed by JSqlParser: the columns its
 * WHERE compares with equality (=, IN, IS NULL) and with a range (&lt;, &gt;, BETWEEN) in a chain of
 * ANDs, and its ORDER BY columns. Statements with joins, sub-selects in FROM, OR, or no such
 * column are left out ({@link #of} is empty): PgHero's approach, kept as simple.
 *
 * @param table    the table, unquoted and lower-case
 * @param equality columns compared with equality, in statement order
 * @param range    columns compared with a range
 * @param orderBy  ORDER BY columns, in order
 */
public record StatementShape(String table, List<String> equality, List<String> range, List<String> orderBy) {

    /**
     * @param sql a statement as pg_stat_statements shows it ({@code $1} placeholders)
     * @return its shape, or empty when it is not a single-table SELECT with an indexable column
     */
    public static Optional<StatementShape> of(String sql) {
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(sql.replaceAll("\\$\\d+", "?"));
        } catch (JSQLParserException | RuntimeException e) {
            return Optional.empty();
        }
        if (!(statement instanceof Select select) || !(select instanceof PlainSelect plain)
                || !(plain.getFromItem() instanceof Table table) || (plain.getJoins() != null && !plain.getJoins().isEmpty())) {
            return Optional.empty();
        }
        String alias = table.getAlias() == null ? null : table.getAlias().getName();
        Set<String> equality = new LinkedHashSet<>();
        Set<String> range = new LinkedHashSet<>();
        if (plain.getWhere() != null && !collect(plain.getWhere(), table.getName(), alias, equality, range)) {
            return Optional.empty();
        }
        List<String> order = new ArrayList<>();
        if (plain.getOrderByElements() != null) {
            for (OrderByElement e : plain.getOrderByElements()) {
                column(e.getExpression(), table.getName(), alias).ifPresent(order::add);
            }
        }
        range.removeAll(equality);
        if (equality.isEmpty() && range.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StatementShape(bare(table.getName()), List.copyOf(equality), List.copyOf(range), List.copyOf(order)));
    }

    // false when the WHERE holds something that is not an AND of simple comparisons (an OR, say)
    private static boolean collect(Expression e, String table, String alias, Set<String> equality, Set<String> range) {
        return switch (e) {
            case AndExpression and -> collect(and.getLeftExpression(), table, alias, equality, range)
                    && collect(and.getRightExpression(), table, alias, equality, range);
            case Parenthesis p -> collect(p.getExpression(), table, alias, equality, range);
            case ParenthesedExpressionList<?> list when list.size() == 1 -> collect(list.get(0), table, alias, equality, range);
            case EqualsTo eq -> add(eq.getLeftExpression(), eq.getRightExpression(), table, alias, equality);
            case InExpression in -> add(in.getLeftExpression(), null, table, alias, equality);
            case IsNullExpression isNull -> isNull.isNot() || add(isNull.getLeftExpression(), null, table, alias, equality);
            case GreaterThan c -> add(c.getLeftExpression(), c.getRightExpression(), table, alias, range);
            case GreaterThanEquals c -> add(c.getLeftExpression(), c.getRightExpression(), table, alias, range);
            case MinorThan c -> add(c.getLeftExpression(), c.getRightExpression(), table, alias, range);
            case MinorThanEquals c -> add(c.getLeftExpression(), c.getRightExpression(), table, alias, range);
            case Between b -> add(b.getLeftExpression(), null, table, alias, range);
            default -> !(e instanceof net.sf.jsqlparser.expression.operators.conditional.OrExpression);
        };
    }

    private static boolean add(Expression left, Expression right, String table, String alias, Set<String> into) {
        Optional<String> column = column(left, table, alias);
        if (column.isEmpty() && right != null) {
            column = column(right, table, alias);
        }
        column.ifPresent(into::add);
        return true;
    }

    private static Optional<String> column(Expression e, String table, String alias) {
        if (!(e instanceof Column c)) {
            return Optional.empty();
        }
        String qualifier = c.getTable() == null || c.getTable().getName() == null ? null : c.getTable().getName();
        if (qualifier != null && !qualifier.equalsIgnoreCase(alias == null ? bare(table) : alias)
                && !bare(qualifier).equals(bare(table))) {
            return Optional.empty();
        }
        return Optional.of(bare(c.getColumnName()));
    }

    private static String bare(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        return last.startsWith("\"") && last.endsWith("\"") ? last.substring(1, last.length() - 1) : last.toLowerCase(Locale.ROOT);
    }
}
