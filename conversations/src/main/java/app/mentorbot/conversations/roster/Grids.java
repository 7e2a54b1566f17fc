package app.mentorbot.conversations.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sheets of an .xlsx or the one table of a .csv as plain grids of text, read the way a roster is read
 * (merged cells filled, numeric ids as written, GB18030 CSV), for other files a school fills in: the choices file.
 */
public final class Grids {
    private Grids() {}

    /** One sheet (or CSV file): how problems name it and its rows of cells. */
    public record Grid(String name, List<List<String>> rows) {}

    /** The grids read, or why none could be. */
    public record Read(List<Grid> grids, List<String> problems) {}

    public static Read read(String fileName, byte[] bytes) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (bytes.length > RosterFileReader.MAX_BYTES) return new Read(List.of(), List.of(fileName + "：文件太大"));
        if (lower.endsWith(".xls")) return new Read(List.of(), List.of(fileName + "：请在 Excel 中另存为 .xlsx 后再试"));
        List<Grid> grids = new ArrayList<>();
        if (lower.endsWith(".xlsx")) {
            RawTable.Source source = XlsxTable.read(fileName, bytes);
            if (!source.problems().isEmpty()) return new Read(List.of(), source.problems().stream().map(Object::toString).toList());
            for (RawTable t : source.tables()) grids.add(grid(t));
        } else {
            grids.add(grid(CsvTable.read(fileName, bytes)));
        }
        return new Read(grids, List.of());
    }

    private static Grid grid(RawTable t) {
        List<List<String>> rows = new ArrayList<>();
        for (RawTable.Row r : t.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.cells().size(); i++) cells.add(r.cell(i).strip());
            rows.add(cells);
        }
        return new Grid(t.where(), rows); // how problems name it: 「志愿 sheet」, 「choices.csv」
    }
}
