package app.mentorbot.bot.web;

import static app.mentorbot.bot.web.PageHtml.t;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import app.mentorbot.conversations.matching.Placement;
import app.mentorbot.conversations.pairing.Proposal;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;

/**
 * The confirmed pairing as a workbook (导师结对名单) for the school's files: one row per confirmed student of the
 * given ones, by class and 学号, with the choice met (or who moved the student). No tags or bands: the list
 * may be printed and passed on. Cells are plain strings (never formulas), whatever the roster holds.
 */
final class PairingXlsx {
    static final String SHEET = "导师结对名单";

    private PairingXlsx() {}

    static byte[] write(Proposal p, Roster roster, Set<String> shown) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet sheet = book.createSheet(SHEET);
            List<String> header = List.of(t("pairing.col.class"), t("col.studentId"), t("pairing.col.name"), t("col.mentor"), t("pairing.col.met"));
            Row top = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                top.createCell(i).setCellValue(header.get(i));
                top.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, 16 * 256);
            }
            sheet.createFreezePane(0, 1);
            List<Proposal.Row> rows = p.rows().stream().filter(r -> shown.contains(r.studentId()) && r.confirmed() && r.mentorId() != null)
                    .sorted(Comparator.comparing((Proposal.Row r) -> className(roster, r.studentId())).thenComparing(Proposal.Row::studentId))
                    .toList();
            for (Proposal.Row r : rows) {
                Row row = sheet.createRow(sheet.getLastRowNum() + 1);
                row.createCell(0).setCellValue(className(roster, r.studentId()));
                row.createCell(1).setCellValue(r.studentId());
                row.createCell(2).setCellValue(roster.student(r.studentId()).map(Student::name).orElse(r.studentId()));
                row.createCell(3).setCellValue(teacher(roster, r.mentorId()));
                row.createCell(4).setCellValue(met(r, roster));
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * 第N志愿 or 调剂 as matched; for a student someone moved, who moved them instead: the proposal keeps the matched
     * rank, not whether the new mentor was among the student's choices, so a file kept for years does not guess.
     */
    static String met(Proposal.Row r, Roster roster) {
        if (r.movedBy() != null) return t("pairing.movedBy", teacher(roster, r.movedBy()));
        return r.rank() > 0 ? t("pairing.rank", String.valueOf(r.rank())) : r.rank() == Placement.ASSIGNED ? t("pairing.assigned") : "";
    }

    private static String className(Roster roster, String studentId) {
        return roster.student(studentId).flatMap(s -> roster.schoolClass(s.classId())).map(SchoolClass::name).orElse("");
    }

    private static String teacher(Roster roster, String id) {
        return roster.teacher(id).map(Teacher::name).orElse(id);
    }
}
