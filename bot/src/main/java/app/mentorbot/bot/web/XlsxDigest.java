package app.mentorbot.bot.web;

import static app.mentorbot.bot.web.PageHtml.date;
import static app.mentorbot.bot.web.PageHtml.t;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import app.mentorbot.conversations.digests.ConferenceDigest;
import app.mentorbot.conversations.digests.ConferenceDigest.Decision;
import app.mentorbot.conversations.digests.ConferenceDigest.KeyStudent;
import app.mentorbot.conversations.digests.ConferenceDigest.MentorCoverage;
import app.mentorbot.conversations.digests.ConferenceDigest.StudentLine;
import app.mentorbot.conversations.digests.Entry;
import app.mentorbot.conversations.digests.FollowUp;
import app.mentorbot.conversations.understanding.Topic;

/**
 * The case-conference digest as a workbook for class heads who keep their own files: sheets 概览 (one row per
 * student), 重点学生 (one row per record on a key student's timeline, then their open follow-ups), 导师覆盖
 * and 会商决定. Cells are plain strings and numbers (never formulas), whatever people typed.
 */
final class XlsxDigest {
    static final List<String> SHEETS = List.of("概览", "重点学生", "导师覆盖", "会商决定");

    private XlsxDigest() {}

    static byte[] write(ConferenceDigest d) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet glance = sheet(book, bold, SHEETS.get(0), "col.student", "col.studentId", "col.mentor", "col.individual",
                    "col.group", "col.contacts", "col.observations", "col.flags");
            for (StudentLine s : d.students()) {
                row(glance, s.name(), s.studentId(), PageHtml.orUnassigned(s.mentorName()), s.individualTalks(), s.groupTalks(),
                        s.parentContacts(), s.observations(), s.flags().isEmpty() ? "" : PageHtml.flagNames(s.flags(), s.safetySuspected()));
            }

            Sheet keys = sheet(book, bold, SHEETS.get(1), "col.student", "col.reason", "col.date", "col.author", "col.kind",
                    "col.topics", "col.flags", "col.note", "col.followUp");
            for (KeyStudent k : d.keyStudents()) {
                String why = String.join("；", k.reasons().stream().map(DigestHtml::reason).toList());
                if (k.timeline().isEmpty() && k.openFollowUps().isEmpty()) row(keys, k.name(), why, "", "", "", "", "", t("digest.timeline.none"), "");
                for (Entry e : k.timeline()) {
                    row(keys, k.name(), why, date(e.date()), PageHtml.author(e), PageHtml.kind(e), PageHtml.topics(e.topics()),
                            e.flags().isEmpty() ? "" : PageHtml.flagNames(e.flags()), e.note(), e.followUp() == null ? "" : date(e.followUp()));
                }
                for (FollowUp f : k.openFollowUps()) {
                    row(keys, k.name(), why, date(f.dueOn()), PageHtml.orDash(f.personName()), t("digest.open"), "", "", f.text(),
                            t("status." + f.status().name()));
                }
            }

            List<String> coverageCols = new ArrayList<>(List.of("col.mentor", "col.mentees", "col.talkedTo", "col.individual",
                    "col.group", "col.contacts", "col.overdue"));
            for (Topic topic : Topic.values()) coverageCols.add("topic." + topic.name());
            Sheet coverage = sheet(book, bold, SHEETS.get(2), coverageCols.toArray(String[]::new));
            for (MentorCoverage c : d.coverage()) {
                List<Object> cells = new ArrayList<>(List.of(c.name(), c.mentees(), c.menteesTalkedTo(), c.individualTalks(),
                        c.groupTalks(), c.parentContacts(), c.overdueTalks()));
                for (Topic topic : Topic.values()) cells.add(c.topics().get(topic));
                row(coverage, cells.toArray());
            }

            Sheet decisions = sheet(book, bold, SHEETS.get(3), "col.date", "col.decision", "col.student", "col.owner",
                    "col.reminders", "col.happened", "col.evidence");
            for (Decision dec : d.decisions()) {
                String evidence = String.join("；", dec.laterRecords().stream()
                        .map(e -> date(e.date()) + " " + PageHtml.kind(e) + "：" + e.note()).toList());
                row(decisions, date(dec.decidedOn()), dec.text(), PageHtml.joinOrNone(dec.studentNames()), PageHtml.orDash(dec.ownerName()),
                        DigestHtml.reminders(dec.reminders()), DigestHtml.outcome(dec), evidence);
            }
            for (Sheet s : List.of(glance, keys, coverage, decisions)) {
                for (int c = 0; c < s.getRow(0).getLastCellNum(); c++) s.setColumnWidth(c, c == 7 && s == keys ? 60 * 256 : 14 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sheet sheet(XSSFWorkbook book, CellStyle bold, String name, String... headerKeys) {
        Sheet sheet = book.createSheet(name);
        Row header = sheet.createRow(0);
        for (int i = 0; i < headerKeys.length; i++) {
            header.createCell(i).setCellValue(t(headerKeys[i]));
            header.getCell(i).setCellStyle(bold);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private static void row(Sheet sheet, Object... cells) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        for (int i = 0; i < cells.length; i++) {
            Object v = cells[i];
            if (v instanceof Integer n) row.createCell(i).setCellValue(n);
            else row.createCell(i).setCellValue(v == null ? "" : v.toString());
        }
    }
}
