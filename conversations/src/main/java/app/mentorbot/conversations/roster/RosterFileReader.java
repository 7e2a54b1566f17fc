package app.mentorbot.conversations.roster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import app.mentorbot.conversations.roster.HeaderAliases.Kind;
import app.mentorbot.conversations.roster.RosterFile.Problem;

/**
 * Reads a school's roster (花名册) from the file an administrator uploads, and either accepts it
 * whole or lists every problem in it, each with its place ("学生 sheet 第5行") and a specific
 * Chinese message. Never a half roster; the same file always gives an equal roster.
 *
 * <p>Formats, told apart by content first and file name second:
 * <ul>
 * <li><b>JSON</b>: an object with "school" and arrays "classes", "teachers", "students",
 *     "parents" (the shape of the rosters in {@code corpus/rosters/}).</li>
 * <li><b>.xlsx</b>: one sheet per table, recognised by name (班级/班级表, 教师/老师/教职工,
 *     学生/学生名单/花名册, 家长/监护人) or else by header; sheets that are neither (说明, hidden
 *     lists) are ignored. A student sheet without a 班级 column but named like a class
 *     (「高二(1)班」) puts its students in that class, for workbooks with one sheet per class.</li>
 * <li><b>CSV</b> (UTF-8 with or without BOM, or GB18030 as Excel saves it; comma or tab): one
 *     table, recognised by file name or header. A folder of CSV files reads each as a table.</li>
 * </ul>
 *
 * <p>Headers are matched in Chinese or English with common aliases (see {@link HeaderAliases}); a
 * title line or a 「学校：…」 line may sit above the header. Missing tables are implied, as a
 * school expects from a single student list: with no class table, classes are the distinct
 * 班级 names; with no teacher table, teachers are the distinct 导师 and 班主任 names (id from a
 * 导师工号/班主任工号 column when there is one, else "T-" + name). When a table is present, every
 * reference must name one of its rows, by id or by name, and a name two rows share is a problem.
 * Ids missing from a sheet are generated from the row's content, never its position, except
 * parents: "P-" + 学号 + "-" + n, counting that student's parents in file order.
 */
public final class RosterFileReader {
    /** A roster of a few thousand people is well under this; anything larger is the wrong file. */
    static final int MAX_BYTES = 20 * 1024 * 1024;

    private RosterFileReader() {}

    public static RosterFile read(Path file) {
        return read(file, "");
    }

    /** Reads a file, or every .csv in a folder; the school is named defaultSchoolName unless the file names it. */
    public static RosterFile read(Path file, String defaultSchoolName) {
        Objects.requireNonNull(file, "file");
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            if (Files.isDirectory(file)) return readFolder(file, name, defaultSchoolName);
            if (Files.size(file) > MAX_BYTES) return tooLarge(name);
            return read(name, Files.readAllBytes(file), defaultSchoolName);
        } catch (NoSuchFileException e) {
            return RosterFile.rejected(List.of(new Problem(name, "找不到这个文件")));
        } catch (IOException e) {
            return RosterFile.rejected(List.of(new Problem(name, "无法读取这个文件：" + e.getMessage())));
        }
    }

    /** Reads an uploaded file; fileName (with its extension) is used for messages and to tell the format. */
    public static RosterFile read(String fileName, InputStream content, String defaultSchoolName) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
        try {
            byte[] bytes = content.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) return tooLarge(fileName);
            return read(fileName, bytes, defaultSchoolName);
        } catch (IOException e) {
            return RosterFile.rejected(List.of(new Problem(fileName, "无法读取这个文件：" + e.getMessage())));
        }
    }

    static RosterFile read(String fileName, byte[] bytes, String defaultSchoolName) {
        RawTable.Source source = switch (format(fileName, bytes)) {
            case XLSX -> XlsxTable.read(fileName, bytes);
            case XLS -> RawTable.Source.failed(fileName, "这是旧版 Excel（.xls）或加了密码的文件，"
                    + "请去掉密码并在 Excel 中另存为 .xlsx 或「CSV UTF-8」后再导入");
            case JSON -> JsonTables.read(fileName, bytes);
            case CSV -> new RawTable.Source(List.of(CsvTable.read(fileName, bytes)), "", List.of());
        };
        // A workbook may hold sheets that are no roster table (说明, 统计); a CSV file is always meant as one.
        return assemble(fileName, source, defaultSchoolName, format(fileName, bytes) != Format.XLSX);
    }

    private static RosterFile readFolder(Path folder, String name, String defaultSchoolName) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "*.{csv,CSV}")) {
            dir.forEach(files::add);
        }
        files.sort(null);
        if (files.isEmpty()) return RosterFile.rejected(List.of(new Problem(name, "文件夹里没有 CSV 文件")));
        List<RawTable> tables = new ArrayList<>();
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
            if (total > MAX_BYTES) return tooLarge(name);
            tables.add(CsvTable.read(f.getFileName().toString(), Files.readAllBytes(f)));
        }
        return assemble(name, new RawTable.Source(tables, "", List.of()), defaultSchoolName, true);
    }

    private static RosterFile assemble(String fileName, RawTable.Source source, String defaultSchoolName,
                                       boolean everyTableCounts) {
        if (source.tables().isEmpty() && !source.problems().isEmpty()) {
            return RosterFile.rejected(source.problems()); // unreadable: nothing more to say about its content
        }
        RosterAssembler assembler = new RosterAssembler(fileName);
        source.problems().forEach(p -> assembler.problem(p.where(), p.message()));
        List<Table> tables = new ArrayList<>();
        long order = 0;
        for (RawTable raw : source.tables()) {
            int headerRow = raw.header() != null ? -1 : Table.findHeader(raw);
            Kind kind = HeaderAliases.kindOfName(raw.name());
            if (raw.header() == null && headerRow < 0) {
                // A sheet we cannot read is only a problem when it claims to be a roster table.
                if (kind != null || everyTableCounts) {
                    assembler.problem(raw.where(), "没有找到表头：请在第一行写上列名，例如「学号」「姓名」「班级」「导师」");
                }
                continue;
            }
            if (kind == null) kind = HeaderAliases.kindOfHeaders(Table.normalizedHeader(raw, headerRow));
            if (kind == null) {
                if (everyTableCounts) {
                    assembler.problem(raw.where(), "无法判断这是哪张表：学生表需要「学号」「姓名」「班级」「导师」列，"
                            + "教师表需要「工号」或「任教班级」列，家长表需要「学生学号」「关系」列");
                }
                continue;
            }
            Table table = Table.of(raw, kind, headerRow, order);
            tables.add(table);
            order += table.rows.size() + 1;
        }
        return assembler.assemble(tables, source.school(), defaultSchoolName);
    }

    private static RosterFile tooLarge(String name) {
        return RosterFile.rejected(List.of(new Problem(name, "文件超过 20 MB，不像是一份花名册，请检查是否选错了文件")));
    }

    private enum Format { XLSX, XLS, JSON, CSV }

    /** By content first (a zip is xlsx, an OLE2 file is old Excel, a leading brace is JSON), then by name. */
    private static Format format(String fileName, byte[] bytes) {
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) return Format.XLSX;
        if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF
                && (bytes[2] & 0xFF) == 0x11 && (bytes[3] & 0xFF) == 0xE0) return Format.XLS;
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) return Format.JSON;
        if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) return Format.XLS;
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) i = 3;
        while (i < bytes.length && Character.isWhitespace(bytes[i])) i++;
        return i < bytes.length && bytes[i] == '{' ? Format.JSON : Format.CSV;
    }
}
