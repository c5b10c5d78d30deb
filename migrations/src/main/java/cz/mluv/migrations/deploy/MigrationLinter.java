package cz.mluv.migrations.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Lints versioned migrations for statements that block writers on a live database or lose data
 * ({@link LintRule}). Scripts are read in version order with {@link SqlScript}'s lexer (comments and
 * string contents never match); a table the same script creates is new, so building an index on
 * it without CONCURRENTLY is fine, while any other table is taken to hold rows and writers.
 *
 * <p>A finding is silenced by a comment in the statement (or, for file findings, anywhere in the
 * script): {@code -- mluv-lint: ignore <rule-id> because <reason>}. A silence without a reason
 * silences nothing and is a finding of its own.
 */
public final class MigrationLinter {

    private static final String IDENT = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final String Q = IDENT + "(?:\\." + IDENT + ")?";
    private static final String LIST = Q + "(?: ?, ?" + Q + ")*";
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?i)^CREATE (?:(?:GLOBAL|LOCAL) )?(?:(?:TEMP|TEMPORARY|UNLOGGED) )?TABLE (?:IF NOT EXISTS )?(" + Q + ")");
    private static final Pattern CREATE_VIEW = Pattern.compile(
            "(?i)^CREATE (?:OR REPLACE )?MATERIALIZED VIEW (?:IF NOT EXISTS )?(" + Q + ")");
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "(?i)^CREATE (?:UNIQUE )?INDEX (CONCURRENTLY )?(?:IF NOT EXISTS )?(?:(?!ON )(" + Q + ") )?ON (?:ONLY )?(" + Q + ")");
    private static final Pattern DROP_INDEX = Pattern.compile("(?i)^DROP INDEX (CONCURRENTLY )?(?:IF EXISTS )?(" + LIST + ")");
    private static final Pattern REINDEX = Pattern.compile("(?i)^REINDEX\\b");
    private static final Pattern CONCURRENTLY = Pattern.compile("(?i)\\bCONCURRENTLY\\b");
    private static final Pattern ALTER_TABLE = Pattern.compile("(?i)^ALTER TABLE (?:IF EXISTS )?(?:ONLY )?(" + Q + ") (.*)$");
    private static final Pattern DROP_TABLE = Pattern.compile("(?i)^DROP TABLE (?:IF EXISTS )?(" + LIST + ")");
    private static final Pattern NEUTRAL = Pattern.compile("(?i)^(SET|RESET)\\b");
    private static final Pattern SILENCE = Pattern.compile(
            "--\\s*mluv-lint:\\s*ignore\\s+([a-z-]+)(?:\\s+because\\b\\s*(.*))?", Pattern.CASE_INSENSITIVE);

    /**
     * One migration to lint.
     *
     * @param fileName    e.g. {@code V7__add_column.sql}
     * @param version     its version
     * @param text        its SQL
     * @param hasRollback whether {@code db/rollback/R<version>__<description>.sql} exists
     * @param metadata    its fields in {@code db/migration-metadata.properties} ({@code risk},
     *                    {@code expected-duration}, {@code at-table-size}, {@code rollback}); empty when none
     */
    public record Source(String fileName, MigrationVersion version, String text, boolean hasRollback, Map<String, String> metadata) {
    }

    private record Pending(LintFinding ifNeverValidated, MigrationVersion version, boolean transactional, String notNullColumn) {
    }

    private final List<LintFinding> findings = new ArrayList<>();
    private final Map<String, Pending> notValid = new LinkedHashMap<>();
    private final Set<String> validatedNotNull = new HashSet<>();

    private MigrationLinter() {
    }

    /**
     * @param sources the migrations, in any order (linted in version order)
     * @return every finding, silenced ones included, in version and line order
     */
    public static List<LintFinding> lint(List<Source> sources) {
        MigrationLinter linter = new MigrationLinter();
        sources.stream().sorted((a, b) -> a.version().compareTo(b.version())).forEach(linter::lintScript);
        linter.notValid.values().forEach(p -> linter.findings.add(p.ifNeverValidated()));
        return List.copyOf(linter.findings);
    }

    private void lintScript(Source source) {
        Statements statements = Statements.of(source.text());
        Set<String> created = new HashSet<>();
        Set<String> createdIndexes = new HashSet<>();
        Map<String, String> fileSilences = silences(source.text());
        boolean transactional = statements.all().stream().noneMatch(s -> SqlScript.runsOutsideTransaction(s.text()));
        fileChecks(source, fileSilences, statements);
        for (Statements.Statement s : statements.all()) {
            Context at = new Context(source, s, silences(s.text()));
            String code = s.code();
            Matcher m;
            if ((m = CREATE_TABLE.matcher(code)).find() || (m = CREATE_VIEW.matcher(code)).find()) {
                created.add(name(m.group(1)));
            } else if ((m = CREATE_INDEX.matcher(code)).find()) {
                if (m.group(2) != null) {
                    createdIndexes.add(name(m.group(2)));
                }
                if (m.group(1) == null && !created.contains(name(m.group(3)))) {
                    report(LintRule.INDEX_WITHOUT_CONCURRENTLY, at);
                }
            } else if ((m = DROP_INDEX.matcher(code)).find()) {
                if (m.group(1) == null && !createdIndexes.containsAll(names(m.group(2)))) {
                    report(LintRule.INDEX_WITHOUT_CONCURRENTLY, at);
                }
            } else if (REINDEX.matcher(code).find() && !CONCURRENTLY.matcher(code).find()) {
                report(LintRule.INDEX_WITHOUT_CONCURRENTLY, at);
            } else if ((m = ALTER_TABLE.matcher(code)).find()) {
                String table = name(m.group(1));
                AlterTableActions.of(m.group(2)).forEach(a -> alterTable(at, table, !created.contains(table), a, transactional));
            } else if ((m = DROP_TABLE.matcher(code)).find()) {
                for (String t : names(m.group(1))) {
                    if (!created.contains(t)) {
                        requireRollbackNote(at, t);
                    }
                }
            }
        }
    }

    private void fileChecks(Source source, Map<String, String> silences, Statements statements) {
        Context file = new Context(source, null, silences);
        if (!source.hasRollback()) {
            report(LintRule.MISSING_ROLLBACK_SCRIPT, file, "no " + RollbackStep.expectedRollbackResource(source.fileName()).orElse("rollback script"));
        }
        List<String> missing = new ArrayList<>();
        for (String field : List.of("risk", "expected-duration", "at-table-size", "rollback")) {
            String value = source.metadata().get(field);
            if (value == null || value.isBlank()) {
                missing.add(source.version() + "." + field);
            }
        }
        if (!missing.isEmpty()) {
            report(LintRule.MISSING_METADATA, file, "missing " + String.join(", ", missing) + " in " + MigrationMetadata.RESOURCE);
        }
        List<Statements.Statement> all = statements.all();
        boolean anyConcurrent = all.stream().anyMatch(s -> SqlScript.runsOutsideTransaction(s.text()));
        all.stream().filter(s -> anyConcurrent && !SqlScript.runsOutsideTransaction(s.text()) && !NEUTRAL.matcher(s.code()).find())
                .findFirst()
                .ifPresent(s -> report(LintRule.CONCURRENTLY_MIXED, new Context(source, s, silences(s.text()))));
    }

    private void alterTable(Context at, String table, boolean existing, AlterTableActions.Action action, boolean transactional) {
        switch (action.kind()) {
            case ADD_COLUMN -> {
                if (existing) {
                    addColumn(at, action.definition());
                }
            }
            case ADD_CONSTRAINT -> addConstraint(at, table, existing, action, transactional);
            case ADD_UNIQUE -> {
                if (existing) {
                    report(LintRule.INDEX_WITHOUT_CONCURRENTLY, at);
                }
            }
            case VALIDATE -> validate(at, table, action.name(), transactional);
            case SET_NOT_NULL -> {
                if (existing && !validatedNotNull.contains(table + "." + action.name())) {
                    report(LintRule.SET_NOT_NULL_WITHOUT_CHECK, at);
                }
            }
            case ALTER_TYPE -> {
                if (existing) {
                    report(LintRule.ALTER_COLUMN_TYPE, at);
                }
            }
            case DROP_COLUMN -> requireRollbackNote(at, action.name());
            case OTHER -> {
            }
        }
    }

    private void addColumn(Context at, String definition) {
        if (AlterTableActions.STORED_GENERATED.matcher(definition).find()) {
            report(LintRule.ADD_COLUMN_STORED_GENERATED, at);
        } else if (AlterTableActions.VOLATILE_DEFAULT.matcher(definition).find()) {
            report(LintRule.ADD_COLUMN_VOLATILE_DEFAULT, at);
        } else if (AlterTableActions.NOT_NULL.matcher(definition).find() && !AlterTableActions.DEFAULT.matcher(definition).find()) {
            report(LintRule.ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT, at);
        }
        if (AlterTableActions.INLINE_CONSTRAINT.matcher(definition).find()) {
            report(LintRule.CONSTRAINT_WITHOUT_NOT_VALID, at);
        }
    }

    private void addConstraint(Context at, String table, boolean existing, AlterTableActions.Action action, boolean transactional) {
        if (!action.notValid()) {
            if (existing) {
                report(LintRule.CONSTRAINT_WITHOUT_NOT_VALID, at);
            }
            return;
        }
        LintFinding never = finding(LintRule.CONSTRAINT_NOT_VALIDATED_LATER, at, at.excerpt());
        if (action.name() == null) {
            findings.add(never);
            return;
        }
        notValid.put(table + "." + action.name(), new Pending(never, at.source().version(), transactional, action.notNullColumn()));
    }

    private void validate(Context at, String table, String constraint, boolean transactional) {
        Pending pending = notValid.remove(table + "." + constraint);
        if (pending == null) {
            return;
        }
        if (pending.version().equals(at.source().version()) && transactional) {
            report(LintRule.CONSTRAINT_NOT_VALIDATED_LATER, at);
            return;
        }
        if (pending.notNullColumn() != null) {
            validatedNotNull.add(table + "." + pending.notNullColumn());
        }
    }

    private void requireRollbackNote(Context at, String object) {
        String note = at.source().metadata().getOrDefault("rollback", "");
        if (!Pattern.compile("(?i)(?<![A-Za-z0-9_])" + Pattern.quote(object) + "(?![A-Za-z0-9_])").matcher(note).find()) {
            report(LintRule.DROP_WITHOUT_ROLLBACK_NOTE, at, at.excerpt() + " (the rollback note does not name " + object + ")");
        }
    }

    private void report(LintRule rule, Context at) {
        report(rule, at, at.excerpt());
    }

    private void report(LintRule rule, Context at, String what) {
        findings.add(finding(rule, at, what));
    }

    private LintFinding finding(LintRule rule, Context at, String what) {
        String reason = at.silences().get(rule.id());
        if (reason != null && reason.isBlank()) {
            findings.add(new LintFinding(LintRule.SILENCE_WITHOUT_REASON, at.file(), at.line(),
                    "-- mluv-lint: ignore " + rule.id() + " gives no reason (write: because <reason>)", null));
            reason = null;
        }
        return new LintFinding(rule, at.file(), at.line(), what, reason);
    }

    // rule id -> reason ("" when the comment gives none)
    private static Map<String, String> silences(String text) {
        Map<String, String> found = new HashMap<>();
        Matcher m = SILENCE.matcher(text);
        while (m.find()) {
            String reason = m.group(2) == null ? "" : m.group(2).strip();
            found.merge(m.group(1).toLowerCase(), reason, (a, b) -> a.isBlank() ? b : a);
        }
        return found;
    }

    /** The unqualified, case-folded name: {@code public.Users} and {@code users} are one table. */
    static String name(String qualified) {
        List<String> parts = new ArrayList<>();
        Matcher m = Pattern.compile(IDENT).matcher(qualified);
        while (m.find()) {
            parts.add(m.group());
        }
        String last = parts.getLast();
        return last.startsWith("\"") ? last.substring(1, last.length() - 1).replace("\"\"", "\"") : last.toLowerCase();
    }

    private static List<String> names(String list) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(Q).matcher(list);
        while (m.find()) {
            out.add(name(m.group()));
        }
        return out;
    }

    private record Context(Source source, Statements.Statement statement, Map<String, String> silences) {
        String file() {
            return source.fileName();
        }

        int line() {
            return statement == null ? 1 : statement.line();
        }

        String excerpt() {
            return statement == null ? source.fileName() : statement.excerpt();
        }
    }
}
