package app.mentorbot.bot.web;

import static app.mentorbot.bot.web.PageHtml.t;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import app.mentorbot.conversations.leadership.Workload;
import app.mentorbot.conversations.leadership.WorkloadItem;

/**
 * The workload as the workbook a school files with its annual review (年度考核): sheet 育人工作量 (a title row with
 * the period, the header, the weights, then one row per teacher: 教师, 工号, each item, 合计得分) and sheet 计分规则
 * (item, config key, weight, what is counted). Plain strings and numbers, never formulas.
 */
final class WorkloadXlsx {
    private WorkloadXlsx() {}

    static byte[] write(Workload w) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet sheet = book.createSheet(t("workload.sheet"));
            sheet.createRow(0).createCell(0).setCellValue(t("workload.title") + " " + WorkloadHtml.name(w.period()) + " "
                    + PageHtml.date(w.period().from()) + "—" + PageHtml.date(w.period().to()));
            Row head = sheet.createRow(1);
            Row weights = sheet.createRow(2);
            cell(head, 0, t("workload.col.teacher"), bold);
            cell(head, 1, t("workload.col.teacherId"), bold);
            cell(weights, 0, t("workload.col.weight"), bold);
            WorkloadItem[] items = WorkloadItem.values();
            for (int i = 0; i < items.length; i++) {
                cell(head, i + 2, t("item." + items[i].name()), bold);
                weights.createCell(i + 2).setCellValue(w.rules().weight(items[i]));
            }
            cell(head, items.length + 2, t("workload.col.score"), bold);
            int r = 3;
            for (Workload.Line l : w.lines()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(l.name());
                row.createCell(1).setCellValue(l.teacherId());
                for (int i = 0; i < items.length; i++) row.createCell(i + 2).setCellValue(l.count(items[i]));
                row.createCell(items.length + 2).setCellValue(l.score());
            }
            Sheet rules = book.createSheet(t("workload.sheet.rules"));
            Row rh = rules.createRow(0);
            String[] cols = {"item", "key", "weight", "rule"};
            for (int c = 0; c < cols.length; c++) cell(rh, c, t("workload.col." + cols[c]), bold);
            for (int i = 0; i < items.length; i++) {
                Row row = rules.createRow(i + 1);
                row.createCell(0).setCellValue(t("item." + items[i].name()));
                row.createCell(1).setCellValue(items[i].key());
                row.createCell(2).setCellValue(w.rules().weight(items[i]));
                row.createCell(3).setCellValue(t("rule." + items[i].name()));
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cell(Row row, int c, String text, CellStyle style) {
        row.createCell(c).setCellValue(text);
        row.getCell(c).setCellStyle(style);
    }
}
