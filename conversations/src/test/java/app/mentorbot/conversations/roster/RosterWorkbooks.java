package app.mentorbot.conversations.roster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes small .xlsx files for tests, the way a school's Excel would: numbers stay numbers. */
final class RosterWorkbooks {
    private final Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
    private final Map<String, List<CellRangeAddress>> merges = new LinkedHashMap<>();
    private final List<String> hidden = new ArrayList<>();

    static RosterWorkbooks workbook() {
        return new RosterWorkbooks();
    }

    /** A sheet of rows; a null cell is left empty, a Number is written as a numeric cell. */
    RosterWorkbooks sheet(String name, List<List<Object>> rows) {
        sheets.put(name, rows);
        return this;
    }

    RosterWorkbooks merge(String sheet, String range) {
        merges.computeIfAbsent(sheet, k -> new ArrayList<>()).add(CellRangeAddress.valueOf(range));
        return this;
    }

    RosterWorkbooks hide(String sheet) {
        hidden.add(sheet);
        return this;
    }

    static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    Path writeTo(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            sheets.forEach((name, rows) -> {
                Sheet sheet = wb.createSheet(name);
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r);
                    List<Object> cells = rows.get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        Object v = cells.get(c);
                        if (v == null) continue;
                        Cell cell = row.createCell(c);
                        if (v instanceof Number n) cell.setCellValue(n.doubleValue());
                        else if (v instanceof Boolean b) cell.setCellValue(b);
                        else cell.setCellValue(v.toString());
                    }
                }
                merges.getOrDefault(name, List.of()).forEach(sheet::addMergedRegion);
            });
            for (String name : hidden) wb.setSheetHidden(wb.getSheetIndex(name), true);
            wb.write(out);
        }
        return file;
    }
}
