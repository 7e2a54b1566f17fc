package app.mentorbot.conversations.roster;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One CSV file as a {@link RawTable}. UTF-8 with or without BOM; a file that is not valid UTF-8 is
 * read as GB18030, which is what Excel on a Chinese Windows writes for "CSV (逗号分隔)"; a UTF-16
 * BOM (Excel's "Unicode 文本") is honoured too. Comma-separated, or tab-separated when the first
 * line has more tabs than commas. Quoted fields may hold separators, line breaks and doubled quotes.
 */
final class CsvTable {
    private static final Charset GB18030 = Charset.forName("GB18030");

    private CsvTable() {}

    static RawTable read(String fileName, byte[] bytes) {
        String text = decode(bytes);
        char separator = separator(text);
        List<RawTable.Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n'))) line++;
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                cells.add(cell.toString());
                cell.setLength(0);
                rows.add(row(fileName, recordLine, cells));
                cells = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(row(fileName, recordLine, cells));
        }
        String name = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        return new RawTable(fileName, name, null, rows);
    }

    private static RawTable.Row row(String fileName, int line, List<String> cells) {
        return new RawTable.Row(fileName + " 第" + line + "行", "第" + line + "行", List.copyOf(cells));
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
        }
    }

    /** Tab when the first line that has separators at all has more tabs than commas (a title line may come first). */
    private static char separator(String text) {
        for (String line : text.lines().limit(10).toList()) {
            long tabs = line.chars().filter(c -> c == '\t').count();
            long commas = line.chars().filter(c -> c == ',').count();
            if (tabs + commas > 0) return tabs > commas ? '\t' : ',';
        }
        return ',';
    }
}
