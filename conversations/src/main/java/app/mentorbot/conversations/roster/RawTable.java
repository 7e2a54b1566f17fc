package app.mentorbot.conversations.roster;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A grid of text cells as read from a sheet, a CSV file or a JSON array, before anyone knows
 * which table it is or where its header is.
 *
 * @param where  how problems name the whole table: "学生 sheet", "students.csv", "students"
 * @param name   the sheet, file or JSON key name used to recognise the table, or null
 * @param header the header when the format fixes it (JSON keys), or null to look for it in rows
 * @param rows   the rows with where they came from; cells already as text
 */
record RawTable(String where, String name, List<String> header, List<Row> rows) {

    /** @param line the row's place within its table: "第5行", or "students[3]" for JSON */
    record Row(String where, String line, List<String> cells) {
        /** A cell as text; control characters (a NUL cannot even be stored) are dropped, line breaks kept. */
        String cell(int i) {
            String c = i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
            return CONTROL.matcher(c).replaceAll("");
        }

        private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    }

    /** What one reader got from one file: tables, the school's name if the format says, and problems. */
    record Source(List<RawTable> tables, String school, List<RosterFile.Problem> problems) {
        static Source failed(String where, String message) {
            return new Source(List.of(), "", List.of(new RosterFile.Problem(where, message)));
        }
    }
}
