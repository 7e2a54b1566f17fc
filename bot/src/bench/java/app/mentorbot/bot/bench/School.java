package app.mentorbot.bot.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A generated school for the benchmarks: classes of about fifty, mentors with seven or eight mentees each,
 * class heads among the mentors, every teacher teaching three classes, one or two parents per student.
 * Names are distinct Chinese names, so every note names exactly one student. Deterministic for a seed.
 */
final class School {
    record SchoolClass(String id, String name, String headId) {}
    record Teacher(String id, String name, List<String> classIds) {}
    record Student(String id, String name, String classId, String mentorId) {}
    record Parent(String id, String studentId, String relation) {}

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "子涵梓轩浩宇欣怡一诺思远雨桐佳琪俊杰晨曦博文雅静志强婉清明哲若曦嘉懿梦瑶天佑锦程亦凡诗涵昊然沐阳泽宇欣悦奕辰可馨晓峰书瑶宏伟语嫣家豪心怡皓轩紫萱建华慧敏永康淑贤鹏飞丽娟";

    final List<SchoolClass> classes = new ArrayList<>();
    final List<Teacher> teachers = new ArrayList<>();
    final List<Student> students = new ArrayList<>();
    final List<Parent> parents = new ArrayList<>();

    /** {@code classCount} classes of {@code perClass} students, {@code mentorCount} mentors. */
    static School generate(int classCount, int perClass, int mentorCount, long seed) {
        School s = new School();
        Random rnd = new Random(seed);
        Set<String> used = new HashSet<>();
        for (int c = 0; c < classCount; c++) {
            int grade = 10 + c * 3 / classCount;
            String gradeName = grade == 10 ? "高一" : grade == 11 ? "高二" : "高三";
            s.classes.add(new SchoolClass(String.format("C%03d", c + 1), gradeName + "(" + (c % Math.max(1, classCount / 3) + 1) + ")班#" + (c + 1),
                    String.format("T%04d", c + 1)));
        }
        for (int t = 0; t < mentorCount; t++) {
            List<String> taught = new ArrayList<>();
            for (int k = 0; k < 3; k++) taught.add(s.classes.get((t + k * 7) % classCount).id());
            s.teachers.add(new Teacher(String.format("T%04d", t + 1), name(rnd, used) , taught.stream().distinct().toList()));
        }
        int n = classCount * perClass;
        for (int i = 0; i < n; i++) {
            int c = i / perClass;
            // mentors are spread so each mentors ceil(n / mentorCount) students, mostly from one or two classes
            String mentor = s.teachers.get((int) ((long) i * mentorCount / n)).id();
            String id = String.format("S%05d", i + 1);
            s.students.add(new Student(id, name(rnd, used), s.classes.get(c).id(), mentor));
            s.parents.add(new Parent("P" + id.substring(1) + "a", id, rnd.nextBoolean() ? "母亲" : "父亲"));
            if (rnd.nextInt(3) == 0) s.parents.add(new Parent("P" + id.substring(1) + "b", id, rnd.nextBoolean() ? "祖母" : "父亲"));
        }
        return s;
    }

    List<Student> menteesOf(String teacherId) {
        return students.stream().filter(st -> teacherId.equals(st.mentorId())).toList();
    }

    private static String name(Random rnd, Set<String> used) {
        for (int tries = 0; ; tries++) {
            String sur = String.valueOf(SURNAMES.charAt(rnd.nextInt(SURNAMES.length())));
            int g = rnd.nextInt(GIVEN.length() / 2) * 2;
            String given = tries > 50 || rnd.nextInt(4) > 0 ? GIVEN.substring(g, g + 2) : GIVEN.substring(g, g + 1) + GIVEN.charAt(rnd.nextInt(GIVEN.length()));
            String full = sur + given;
            if (used.add(full)) return full;
        }
    }

    /** The roster as the import command reads it (config/example-school.json's shape). */
    String rosterJson() {
        StringBuilder b = new StringBuilder("{\"school\":\"压测中学\",\"classes\":[");
        for (int i = 0; i < classes.size(); i++) {
            SchoolClass c = classes.get(i);
            b.append(i == 0 ? "" : ",").append("{\"id\":\"").append(c.id()).append("\",\"name\":\"").append(c.name())
                    .append("\",\"head\":\"").append(c.headId()).append("\"}");
        }
        b.append("],\"teachers\":[");
        for (int i = 0; i < teachers.size(); i++) {
            Teacher t = teachers.get(i);
            b.append(i == 0 ? "" : ",").append("{\"id\":\"").append(t.id()).append("\",\"name\":\"").append(t.name())
                    .append("\",\"subject\":\"数学\",\"classes\":[");
            for (int k = 0; k < t.classIds().size(); k++) b.append(k == 0 ? "" : ",").append('"').append(t.classIds().get(k)).append('"');
            b.append("]}");
        }
        b.append("],\"students\":[");
        for (int i = 0; i < students.size(); i++) {
            Student st = students.get(i);
            b.append(i == 0 ? "" : ",").append("{\"id\":\"").append(st.id()).append("\",\"name\":\"").append(st.name())
                    .append("\",\"class\":\"").append(st.classId()).append("\",\"mentor\":\"").append(st.mentorId()).append("\"}");
        }
        b.append("],\"parents\":[");
        for (int i = 0; i < parents.size(); i++) {
            Parent p = parents.get(i);
            b.append(i == 0 ? "" : ",").append("{\"id\":\"").append(p.id()).append("\",\"student\":\"").append(p.studentId())
                    .append("\",\"relation\":\"").append(p.relation()).append("\"}");
        }
        return b.append("]}").toString();
    }

    /** Realistic notes a mentor types about a mentee (and sometimes two). */
    static final String[] NOTES = {
            "今天下午和%s单独谈心，最近数学成绩下滑，下周三再跟进一下",
            "和%s聊了一下选科的想法，倾向物理化学生物",
            "给%s妈妈打了电话，沟通了最近作业拖欠的情况，家长表示会配合督促",
            "上周五去%s家家访，家长很配合，孩子学习环境还可以",
            "%s这两天情绪有点低落，上课走神，需要多关注",
            "课间和%s谈了谈和同桌闹矛盾的事，已经和好了",
            "%s最近英语进步很大，当面表扬了一下",
            "和%s爸爸微信沟通了周末玩手机的问题",
            "午休时找%s聊了聊期中复习计划，两周后再找他聊一次",
            "晚自习后和%s谈了住校生活适应的情况，作息基本正常",
            "%s和%s上课讲话，课后一起谈了话，讲了课堂纪律",
            "今天和%s聊了聊将来想学什么专业，他对计算机很感兴趣",
    };
}
