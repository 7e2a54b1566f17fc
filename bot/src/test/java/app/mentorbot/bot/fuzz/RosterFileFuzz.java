package app.mentorbot.bot.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import app.mentorbot.adapters.api.testing.Hostile;
import app.mentorbot.conversations.roster.RosterFile;
import app.mentorbot.conversations.roster.RosterFileReader;

/**
 * The roster import surface of {@link BotFuzz}: JSON rosters with hostile values, broken or deep JSON, CSV with
 * odd headers, quotes, separators and encodings, generated and mangled workbooks, random bytes under any name.
 * Each is read or refused with its reasons, never thrown; some that read well are stored and rolled back.
 */
final class RosterFileFuzz {
    private final BotFuzz fuzz;

    RosterFileFuzz(BotFuzz fuzz) {
        this.fuzz = fuzz;
    }

    /** JSON, CSV and XLSX rosters, broken and hostile: read or refused with reasons, never thrown. */
    void run() throws Exception {
        Hostile h = new Hostile(fuzz.seed("roster files"));
        int n = fuzz.n();
        byte[] example = Files.readAllBytes(Path.of("../config/example-school.json"));
        String exampleText = new String(example, StandardCharsets.UTF_8);
        List<byte[]> workbooks = new ArrayList<>();
        for (int i = 0; i < 5; i++) workbooks.add(workbook(h));
        Map<String, Integer> verdicts = new LinkedHashMap<>();
        List<String> thrown = new ArrayList<>();
        int stored = 0;
        long rosterBefore = fuzz.count("select count(*) from student");
        for (int i = 0; i < n; i++) {
            String name;
            byte[] bytes;
            int kind = h.nextInt(10);
            switch (kind) {
                case 0, 1, 2 -> { name = "roster.json"; bytes = jsonRoster(h, exampleText).getBytes(StandardCharsets.UTF_8); }
                case 3 -> { name = "roster.json"; bytes = h.chance(50) ? h.deepJson().getBytes(StandardCharsets.UTF_8) : h.brokenJson(exampleText).getBytes(StandardCharsets.UTF_8); }
                case 4, 5, 6 -> { name = h.pick(List.of("花名册.csv", "x.CSV", "名单.csv")); bytes = csvRoster(h); }
                case 7 -> { name = "花名册.xlsx"; bytes = h.chance(15) ? workbook(h) : mutate(h, h.pick(workbooks)); }
                case 8 -> { name = h.pick(List.of("a.xlsx", "b.xls", "c.json", "d.csv", "e.txt", "f", ".xlsx")); bytes = h.bytes(h.nextInt(4000)); }
                default -> { name = h.pick(List.of("a.xlsx", "b.csv", "c.json")); bytes = h.pick(List.of(new byte[0],
                        "\ufeff".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, "PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1),
                        " \n\t".getBytes(StandardCharsets.UTF_8))); }
            }
            RosterFile file;
            try {
                file = RosterFileReader.read(name, new ByteArrayInputStream(bytes), "");
            } catch (Throwable t) {
                if (t.toString().contains("non-Finite") && fuzz.knownBugs("a JSON roster with a number beyond double (1e309) throws from JsonTables.text")) continue;
                thrown.add(name + " #" + i + ": " + t);
                if (thrown.size() < 3) t.printStackTrace();
                continue;
            }
            String verdict = file.ok() ? "ok" : "refused";
            verdicts.merge(name.replaceAll(".*\\.", "").toLowerCase() + " " + verdict, 1, Integer::sum);
            if (!file.ok()) {
                assertThat(file.problems()).as("a refused file says why").isNotEmpty();
            } else if (stored < 50 && h.chance(20)) {
                // A file that reads well must also store (then roll back): hostile names must not break the database.
                stored++;
                try {
                    fuzz.tx.executeWithoutResult(s -> {
                        fuzz.rosterStore.replace("main", file.roster());
                        fuzz.rosterStore.bindIdentities("main", file.identities());
                        s.setRollbackOnly();
                    });
                    fuzz.rosterStore.forget("main");
                } catch (RuntimeException e) {
                    thrown.add("storing " + name + " #" + i + ": " + e);
                    if (thrown.size() < 3) e.printStackTrace();
                }
            }
        }
        System.out.println("[fuzz] roster files: " + n + " files, verdicts " + verdicts + ", " + stored + " stored and rolled back");
        assertThat(thrown).as("exceptions escaping the roster reader or store").isEmpty();
        assertThat(fuzz.count("select count(*) from student")).as("the roster is unchanged").isEqualTo(rosterBefore);
        fuzz.stillWorks();
    }

    private static String jsonRoster(Hostile h, String example) {
        // The example school with hostile strings or wrong types swapped in for some values (and a few keys).
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("\"([^\"\\\\]*)\"").matcher(example);
        int last = 0;
        while (m.find()) {
            out.append(example, last, m.start());
            int next = m.end();
            while (next < example.length() && Character.isWhitespace(example.charAt(next))) next++;
            boolean isKey = next < example.length() && example.charAt(next) == ':';
            if (!isKey && h.chance(8)) out.append(h.chance(80) ? Hostile.quote(h.text()) : h.jsonValue(2));
            else if (isKey && h.chance(1)) out.append(Hostile.quote(h.text()));
            else out.append(m.group());
            last = m.end();
        }
        return out.append(example.substring(last)).toString();
    }

    private static byte[] csvRoster(Hostile h) {
        StringBuilder csv = new StringBuilder();
        if (h.chance(30)) csv.append('\ufeff');
        List<String> headers = new ArrayList<>(List.of("学号", "姓名", "班级", "导师", "班主任"));
        if (h.chance(30)) headers.add(h.pick(List.of("关系", "家长姓名", "钉钉ID", "企业微信ID", "slack_user_id", "管理员", h.text())));
        if (h.chance(10)) headers.remove(h.nextInt(headers.size()));
        csv.append(String.join(h.chance(90) ? "," : ";", headers)).append(h.chance(80) ? "\n" : "\r\n");
        int rows = h.nextInt(h.chance(5) ? 3000 : 30);
        for (int r = 0; r < rows; r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < headers.size() + (h.chance(10) ? 1 : 0) - (h.chance(10) ? 1 : 0); c++) {
                String v = h.chance(60) ? h.pick(List.of("S" + r, "张小明", "李华", "高二(1)班", "刘洋", "T01", "")) : h.text();
                if (h.chance(20)) v = "\"" + v.replace("\"", h.chance(50) ? "\"\"" : "\"") + (h.chance(90) ? "\"" : "");
                cells.add(v);
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        byte[] bytes = h.chance(15) ? csv.toString().getBytes(java.nio.charset.Charset.forName("GB18030"))
                : csv.toString().getBytes(StandardCharsets.UTF_8);
        return h.chance(10) ? mutate(h, bytes) : bytes;
    }

    private static byte[] workbook(Hostile h) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String sheetName : h.chance(50) ? List.of("学生", "教师", "班级") : List.of(h.pick(List.of("学生名单", "Sheet1", "高二(1)班")))) {
                var sheet = wb.createSheet(sheetName);
                List<String> headers = List.of("学号", "姓名", "班级", "导师", "工号", "任教班级", "管理员");
                if (h.chance(30)) sheet.createRow(0).createCell(0).setCellValue(clean(h.text()));
                int headerRow = h.chance(30) ? 1 : 0;
                var header = sheet.createRow(headerRow);
                for (int c = 0; c < headers.size(); c++) header.createCell(c).setCellValue(h.chance(90) ? headers.get(c) : clean(h.text()));
                for (int r = 1; r <= h.nextInt(40); r++) {
                    var row = sheet.createRow(headerRow + r);
                    for (int c = 0; c < headers.size(); c++) {
                        var cell = row.createCell(c);
                        switch (h.nextInt(6)) {
                            case 0 -> cell.setCellValue(h.nextInt(100_000) * (h.chance(50) ? 1.0 : 1.5));
                            case 1 -> cell.setCellValue(h.chance(50));
                            case 2 -> cell.setCellFormula(h.pick(List.of("1/0", "A1&B1", "SUM(A1:A3)", "NA()")));
                            case 3 -> cell.setCellValue(clean(h.text()));
                            default -> cell.setCellValue(h.pick(List.of("S0" + r, "张小明", "高二(1)班", "刘洋", "T01", "是", "")));
                        }
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** Cell text POI can write: no XML-illegal characters, at most 32,767 characters. */
    private static String clean(String s) {
        String c = s.replaceAll("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\ufffe\\uffff]", "").replaceAll("[\\ud800-\\udfff]", "");
        return c.length() > 32_000 ? c.substring(0, 32_000) : c;
    }

    private static byte[] mutate(Hostile h, byte[] original) {
        byte[] b = original.clone();
        switch (h.nextInt(3)) {
            case 0 -> { for (int i = 0; i < 1 + h.nextInt(20); i++) b[h.nextInt(b.length)] = (byte) h.nextInt(256); }
            case 1 -> b = java.util.Arrays.copyOf(b, h.nextInt(b.length));
            default -> {
                int at = h.nextInt(b.length);
                byte[] junk = h.bytes(1 + h.nextInt(100));
                byte[] out = new byte[b.length + junk.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(junk, 0, out, at, junk.length);
                System.arraycopy(b, at, out, at + junk.length, b.length - at);
                b = out;
            }
        }
        return b;
    }
}
