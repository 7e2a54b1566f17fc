package app.mentorbot.conversations.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.formula.FormulaParseException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Every visible sheet of an .xlsx workbook as a {@link RawTable}, cells as the school sees them.
 * Numbers in General format come out plain (学号 20230101, never "2.0230101E7"); numbers with a
 * format such as 000000 keep it (学号 001234). A merged cell's value fills the whole merged area,
 * since 花名册 often merge the 班级 column over a class's rows. Formulas give their cached value,
 * an error such as #N/A gives its text. Hidden sheets (drop-down lists, notes) are skipped.
 */
final class XlsxTable {
    private static final int MAX_COLUMNS = 200;

    private XlsxTable() {}

    static RawTable.Source read(String fileName, byte[] bytes) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            DataFormatter formatter = new DataFormatter(Locale.CHINA);
            List<RawTable> tables = new ArrayList<>();
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                if (workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i)) continue;
                tables.add(sheet(workbook.getSheetAt(i), formatter));
            }
            return new RawTable.Source(tables, "", List.of());
        } catch (IOException | RuntimeException e) {
            // POI signals a damaged or non-Excel file with assorted runtime exceptions.
            return RawTable.Source.failed(fileName, "无法打开这个 Excel 文件，请确认它是 .xlsx 格式且没有损坏（"
                    + e.getClass().getSimpleName() + "）");
        }
    }

    private static RawTable sheet(Sheet sheet, DataFormatter formatter) {
        String name = sheet.getSheetName();
        String where = name + " sheet";
        List<CellRangeAddress> merged = sheet.getMergedRegions();
        int width = 0;
        for (int r = sheet.getFirstRowNum(); r >= 0 && r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null) width = Math.max(width, Math.min(MAX_COLUMNS, row.getLastCellNum()));
        }
        List<RawTable.Row> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            List<String> cells = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                cells.add(text(cellAt(sheet, merged, r, c), formatter));
            }
            String line = "第" + (r + 1) + "行";
            rows.add(new RawTable.Row(where + " " + line, line, cells));
        }
        return new RawTable(where, name, null, rows);
    }

    private static Cell cellAt(Sheet sheet, List<CellRangeAddress> merged, int r, int c) {
        for (CellRangeAddress region : merged) {
            if (region.isInRange(r, c)) {
                r = region.getFirstRow();
                c = region.getFirstColumn();
                break;
            }
        }
        Row row = sheet.getRow(r);
        return row == null ? null : row.getCell(c);
    }

    static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) return "";
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        try {
            return switch (type) {
                case STRING -> cell.getStringCellValue();
                case NUMERIC -> number(cell, formatter);
                case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
                case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
                default -> "";
            };
        } catch (IllegalStateException | FormulaParseException e) {
            return "";
        }
    }

    private static String number(Cell cell, DataFormatter formatter) {
        double value = cell.getNumericCellValue();
        CellStyle style = cell.getCellStyle();
        String format = style == null ? null : style.getDataFormatString();
        boolean plain = format == null || style.getDataFormat() == 0 || "General".equalsIgnoreCase(format)
                || "@".equals(format) || format.toUpperCase(Locale.ROOT).contains("E+");
        if (plain) {
            if (Double.isNaN(value) || Double.isInfinite(value)) return "";
            String s = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
            return s.equals("-0") ? "0" : s;
        }
        return formatter.formatRawCellContents(value, style.getDataFormat(), format);
    }
}
