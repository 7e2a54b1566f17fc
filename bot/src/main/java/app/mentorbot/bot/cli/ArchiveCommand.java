package app.mentorbot.bot.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ConfigurableApplicationContext;

import app.mentorbot.bot.web.GrowthFileArchive;

/**
 * {@code archive [--term TERM] [--without-names] FILE.zip}: every student's growth file (成长档案) as a PDF, one zip for
 * the school's archive, readable by its owner only. TERM is a term of the calendar, by its name or as
 * {@code 2026-2027-1}; without it, the current term (or the last, in the holidays). Standard output says how many
 * files, how large and how long; no names are printed.
 */
public final class ArchiveCommand {
    private static final String USAGE = "usage: java -jar mentorbot.jar archive [--term 2026-2027学年第一学期|2026-2027-1] [--without-names] [--school=ID] FILE.zip";

    private ArchiveCommand() {}

    public static int run(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        String term = take(rest, "--term");
        boolean withoutNames = rest.remove("--without-names");
        List<String> plain = rest.stream().filter(a -> !a.startsWith("--")).toList();
        if (plain.size() != 1 || !plain.get(0).toLowerCase(Locale.ROOT).endsWith(".zip") || term == null && List.of(args).contains("--term")) {
            System.err.println(USAGE);
            return 2;
        }
        Path zip = Path.of(plain.get(0));
        try (ConfigurableApplicationContext context = CommandContext.open(CommandContext.springArgs(rest.toArray(String[]::new)))) {
            GrowthFileArchive archive = context.getBean(GrowthFileArchive.class);
            String schoolId = CommandContext.school(args, context);
            Optional<String> found = archive.term(schoolId, term);
            if (found.isEmpty()) {
                System.err.println("校历中没有学期 " + term + "。已配置的学期：" + String.join("、", archive.termNames(schoolId)));
                return 1;
            }
            GrowthFileArchive.Written w = archive.write(schoolId, found.get(), zip, !withoutNames);
            System.out.printf(Locale.ROOT, "已写入 %s 成长档案 PDF %d 份，共 %.1f MB，用时 %.1f 秒：%s（仅文件所有者可读）%n", w.term(), w.students(),
                    w.bytes() / 1e6, w.took().toMillis() / 1000.0, zip);
            return 0;
        } catch (GrowthFileArchive.NoFont e) {
            System.err.println("无法生成 PDF：服务器上没有可用的中文字体。请安装 fonts-wqy-zenhei（apt-get install -y fonts-wqy-zenhei），"
                    + "或在 mentorbot.pdf.font 中指定一个含中文的 .ttf/.ttc 字体文件。");
            return 3;
        } catch (FileAlreadyExistsException e) {
            System.err.println("文件 " + zip + " 已存在，为免覆盖旧存档，请换一个文件名。");
            return 1;
        } catch (IOException e) {
            System.err.println("存档写入失败：" + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            return CommandContext.fail("存档生成失败", e);
        }
    }

    /** Removes {@code --name VALUE} or {@code --name=VALUE} from {@code args} and returns the value. */
    private static String take(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).startsWith(name + "=")) return args.remove(i).substring(name.length() + 1);
            if (args.get(i).equals(name) && i + 1 < args.size()) {
                args.remove(i);
                return args.remove(i);
            }
        }
        return null;
    }
}
