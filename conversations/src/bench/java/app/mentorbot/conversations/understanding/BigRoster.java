package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;

/**
 * A large school for the benchmark, generated deterministically (fixed seed): realistic Chinese
 * names (surnames by rough frequency, some compound; one- or two-char given names from common
 * name chars), so repeated names, names that are words and same-surname crowds occur as in life.
 */
final class BigRoster {
    private static final String SURNAMES =
            "王王王王李李李李张张张张刘刘刘陈陈陈杨杨黄黄赵赵吴周周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文";
    private static final String[] COMPOUND = {"欧阳", "司马", "上官", "诸葛", "东方", "司徒", "慕容", "夏侯"};
    private static final String GIVEN =
            "子浩宇轩然梓涵欣怡雨桐思琪嘉晨一鸣俊杰晓东雪婉明华国强伟芳娜敏静丽军磊洋勇艳杰娟涛超秀霞平刚桂英"
                    + "博文昊天佳瑞泽睿彤琳瑶萱妍诗语馨悦可心安宁乐怡子墨浩然宇航皓轩宸铭煜辰逸凡沐阳";

    private BigRoster() {}

    static Roster generate(int students, int classes, int teachers) {
        Random r = new Random(20260901L);
        List<SchoolClass> cs = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            cs.add(new SchoolClass("C" + c, "高" + "一二三".charAt(c % 3) + "(" + (c / 3 + 1) + ")班", "T" + c));
        }
        List<Teacher> ts = new ArrayList<>();
        String[] subjects = {"语文", "数学", "英语", "物理", "化学", "生物", "历史", "地理", "政治", "体育"};
        for (int t = 0; t < teachers; t++) {
            List<String> taught = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                String id = "C" + ((t + k * 7) % classes);
                if (!taught.contains(id)) taught.add(id);
            }
            ts.add(new Teacher("T" + t, name(r) + "", subjects[t % subjects.length], taught, false));
        }
        List<Student> ss = new ArrayList<>();
        for (int s = 0; s < students; s++) {
            int c = s % classes;
            // each class's students are mentored by a handful of the teachers who teach it
            String mentor = "T" + ((c + (s / classes % 5) * 61) % teachers);
            ss.add(new Student("S" + s, name(r), "C" + c, mentor));
        }
        return new Roster("大型测试中学", cs, ts, ss, List.of());
    }

    private static String name(Random r) {
        String surname = r.nextInt(40) == 0 ? COMPOUND[r.nextInt(COMPOUND.length)] : String.valueOf(SURNAMES.charAt(r.nextInt(SURNAMES.length())));
        int len = r.nextInt(4) == 0 ? 1 : 2;
        StringBuilder sb = new StringBuilder(surname);
        for (int i = 0; i < len; i++) sb.append(GIVEN.charAt(r.nextInt(GIVEN.length())));
        return sb.toString();
    }
}
