package app.mentorbot.conversations.roster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.mentorbot.conversations.roster.HeaderAliases.Field;
import app.mentorbot.conversations.roster.HeaderAliases.Kind;

/**
 * A recognised table: its kind, which column holds which field, and its non-blank rows with
 * their cells picked out by field. Rows carry a file-wide order so problems can be listed in the
 * order the school reads the file.
 */
final class Table {
    /** Rows this far down are not searched for the header (a title or a 学校 line may come first). */
    private static final int HEADER_SEARCH_ROWS = 10;

    final Kind kind;
    final String where;
    final boolean json;
    final long order;
    /** For a student sheet without a 班级 column named like a class (「高二(1)班」), that class. */
    final String sheetClass;
    /** The school's name from a 学校 cell above the header or a 学校 column, or "". */
    final String school;
    private final Map<Field, Integer> columns;
    private final Map<Field, String> headers;
    final List<Row> rows;

    /** One data row. {@link #get} gives "" for a blank cell or a column the table lacks. */
    record Row(String where, String line, long order, Map<Field, String> cells, Map<String, String> identities) {
        String get(Field field) {
            return cells.getOrDefault(field, "");
        }

        boolean blank(Field field) {
            return get(field).isEmpty();
        }
    }

    private Table(Kind kind, String where, boolean json, long order, String sheetClass, String school,
                  Map<Field, Integer> columns, Map<Field, String> headers, List<Row> rows) {
        this.kind = kind;
        this.where = where;
        this.json = json;
        this.order = order;
        this.sheetClass = sheetClass;
        this.school = school;
        this.columns = columns;
        this.headers = headers;
        this.rows = rows;
    }

    /** Index of the header row: the first of the top rows naming at least two columns we know; -1 if none. */
    static int findHeader(RawTable raw) {
        for (int r = 0; r < Math.min(HEADER_SEARCH_ROWS, raw.rows().size()); r++) {
            int known = 0;
            for (String cell : raw.rows().get(r).cells()) {
                if (HeaderAliases.known(HeaderAliases.normalize(cell))) known++;
            }
            if (known >= 2) return r;
        }
        return -1;
    }

    static List<String> normalizedHeader(RawTable raw, int headerRow) {
        List<String> source = headerRow < 0 ? raw.header() : raw.rows().get(headerRow).cells();
        List<String> result = new ArrayList<>();
        for (String h : source) result.add(HeaderAliases.normalize(h));
        return result;
    }

    /**
     * Builds the table of the given kind. headerRow is the index of the header within raw.rows(),
     * or -1 when raw.header() gives it. order is the table's place in the file; rows take the next ones.
     */
    static Table of(RawTable raw, Kind kind, int headerRow, long order) {
        List<String> header = headerRow < 0 ? raw.header() : raw.rows().get(headerRow).cells();
        List<String> normalized = normalizedHeader(raw, headerRow);

        Map<Field, Integer> columns = new EnumMap<>(Field.class);
        Map<Field, String> headers = new EnumMap<>(Field.class);
        HeaderAliases.aliases(kind).forEach((field, aliases) -> {
            for (String alias : aliases) {
                int i = normalized.indexOf(alias);
                if (i >= 0) {
                    columns.put(field, i);
                    headers.put(field, Text.clean(header.get(i)));
                    return;
                }
            }
        });
        Map<Integer, String> identityColumns = new LinkedHashMap<>();
        int schoolColumn = -1;
        for (int i = 0; i < normalized.size(); i++) {
            String platform = HeaderAliases.platform(normalized.get(i));
            if (platform != null && !identityColumns.containsValue(platform)) identityColumns.put(i, platform);
            if (schoolColumn < 0 && HeaderAliases.SCHOOL.contains(normalized.get(i))) schoolColumn = i;
        }

        String school = headerRow < 0 ? "" : schoolAbove(raw.rows().subList(0, headerRow));
        List<Row> rows = new ArrayList<>();
        long rowOrder = order;
        for (RawTable.Row raw1 : raw.rows().subList(headerRow + 1, raw.rows().size())) {
            Map<Field, String> cells = new EnumMap<>(Field.class);
            columns.forEach((field, i) -> {
                String v = Text.clean(raw1.cell(i));
                if (!v.isEmpty()) cells.put(field, v);
            });
            Map<String, String> identities = new LinkedHashMap<>();
            identityColumns.forEach((i, platform) -> {
                String v = Text.clean(raw1.cell(i));
                if (!v.isEmpty()) identities.put(platform, v);
            });
            // A row is blank when every column we read is blank (templates often pre-fill 序号).
            if (cells.isEmpty() && identities.isEmpty()) continue;
            if (school.isEmpty() && schoolColumn >= 0) school = Text.clean(raw1.cell(schoolColumn));
            rows.add(new Row(raw1.where(), raw1.line(), ++rowOrder, Collections.unmodifiableMap(cells),
                    Collections.unmodifiableMap(identities)));
        }

        String sheetClass = null;
        if (kind == Kind.STUDENTS && !columns.containsKey(Field.CLASS) && raw.name() != null) {
            String name = Text.clean(raw.name());
            if (name.endsWith("班") && !name.equals("班")) sheetClass = name;
        }
        return new Table(kind, raw.where(), raw.header() != null, order, sheetClass, school,
                columns, headers, List.copyOf(rows));
    }

    /** A 学校 cell followed by the name, or 「学校：示范中学」, in the rows above the header. */
    private static String schoolAbove(List<RawTable.Row> rows) {
        for (RawTable.Row row : rows) {
            List<String> cells = row.cells();
            for (int i = 0; i < cells.size(); i++) {
                String cell = Text.clean(cells.get(i));
                String n = HeaderAliases.normalize(cell);
                if (HeaderAliases.SCHOOL.contains(n)) {
                    for (int j = i + 1; j < cells.size(); j++) {
                        if (!Text.clean(cells.get(j)).isEmpty()) return Text.clean(cells.get(j));
                    }
                }
                for (String alias : HeaderAliases.SCHOOL) {
                    for (String colon : List.of("：", ":")) {
                        if (cell.startsWith(alias + colon) && cell.length() > alias.length() + 1) {
                            return Text.clean(cell.substring(alias.length() + 1));
                        }
                    }
                }
            }
        }
        return "";
    }

    boolean has(Field field) {
        return columns.containsKey(field);
    }

    /** The header the school wrote for a field, for messages: "学生姓名"; or the usual one when the column is absent. */
    String header(Field field) {
        String h = headers.get(field);
        return h != null ? h : label(field);
    }

    /** The usual header of a field in this kind of table: 学号, 工号, 姓名... ("id", "name" in JSON). */
    String label(Field field) {
        List<String> aliases = HeaderAliases.aliases(kind).get(field);
        return json ? aliases.get(aliases.size() - 1) : aliases.get(0);
    }

    /** "「学号」（也可写作「学生编号」「学籍号」）" for a missing-column message. */
    String describe(Field field) {
        List<String> aliases = HeaderAliases.aliases(kind).get(field);
        if (json) return "「" + label(field) + "」";
        StringBuilder sb = new StringBuilder("「").append(aliases.get(0)).append("」（也可写作");
        for (String alias : aliases.subList(1, Math.min(3, aliases.size()))) sb.append("「").append(alias).append("」");
        return sb.append("）").toString();
    }
}
