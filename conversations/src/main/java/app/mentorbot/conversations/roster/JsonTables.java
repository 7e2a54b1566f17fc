package app.mentorbot.conversations.roster;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON roster (the shape of {@code corpus/rosters/}: "school", then arrays of classes, teachers,
 * students and parents) as {@link RawTable}s: each top-level
 * array is a table whose header is the keys its objects use, so JSON goes through the same
 * checks as a spreadsheet. Numbers come out plain, arrays (a teacher's classes) as 「C21、C22」.
 */
final class JsonTables {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private JsonTables() {}

    static RawTable.Source read(String fileName, byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(CsvTable.decode(bytes));
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String place = at == null ? "" : "第" + at.getLineNr() + "行第" + at.getColumnNr() + "列附近";
            return RawTable.Source.failed(fileName, "JSON 格式有误" + (place.isEmpty() ? "" : "（" + place + "）")
                    + "，请检查括号、引号和逗号");
        }
        if (root == null || !root.isObject()) {
            return RawTable.Source.failed(fileName, "JSON 的最外层应是一个对象，含 school、classes、teachers、students、parents");
        }
        List<RosterFile.Problem> problems = new ArrayList<>();
        List<RawTable> tables = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String key = entry.getKey();
            JsonNode array = entry.getValue();
            if (HeaderAliases.kindOfName(key) == null) continue;
            if (!array.isArray()) {
                problems.add(new RosterFile.Problem(key, "「" + key + "」应是一个数组"));
                continue;
            }
            Set<String> keys = new LinkedHashSet<>();
            for (JsonNode item : array) {
                if (item.isObject()) keys.addAll(item.propertyNames());
            }
            List<String> header = List.copyOf(keys);
            List<RawTable.Row> rows = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                String where = key + "[" + i + "]";
                if (!item.isObject()) {
                    problems.add(new RosterFile.Problem(where, "应是一个对象，例如 {\"id\": …, \"name\": …}"));
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (String k : header) cells.add(text(item.get(k)));
                rows.add(new RawTable.Row(where, where, cells));
            }
            tables.add(new RawTable(key, key, header, rows));
        }
        JsonNode school = root.get("school");
        return new RawTable.Source(tables, school == null ? "" : text(school), problems);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isObject()) return "";
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : node) items.add(text(item));
            return String.join("、", items);
        }
        if (node.isIntegralNumber()) return node.bigIntegerValue().toString();
        if (node.isNumber()) {
            // 1e309 is a double's infinity: keep it as written, the checks will find it is no id or name
            double d = node.doubleValue();
            return Double.isFinite(d) ? node.decimalValue().stripTrailingZeros().toPlainString() : node.asString();
        }
        return node.asString();
    }
}
