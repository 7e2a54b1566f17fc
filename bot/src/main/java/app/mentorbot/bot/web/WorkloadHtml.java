package app.mentorbot.bot.web;

import static app.mentorbot.bot.web.PageHtml.date;
import static app.mentorbot.bot.web.PageHtml.h;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import app.mentorbot.conversations.leadership.Workload;
import app.mentorbot.conversations.leadership.Workload.Behind;
import app.mentorbot.conversations.leadership.WorkloadItem;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;

/**
 * The workload page (育人工作量统计): every teacher's counts with the weight under each item's name, or one teacher's
 * line as item, count, weight, points and what is counted; the rule beside the numbers; each count links to the
 * list of what is behind it ({@link #behind}).
 */
final class WorkloadHtml {
    private WorkloadHtml() {}

    /** Links the page needs, all signed for the viewer. */
    record Nav(String term, String year, String workbook, BiFunction<String, WorkloadItem, String> behind) {}

    static String render(Workload w, boolean one, Nav nav) {
        String title = one && !w.lines().isEmpty() ? PageHtml.t("workload.titleOne", w.lines().get(0).name()) : PageHtml.t("workload.title");
        StringBuilder html = new StringBuilder(PageHtml.head(title).replace("</head>", OverviewHtml.WIDE + "</head>"));
        html.append("<h1>").append(Html.escape(title)).append("</h1><p class=\"meta\">")
                .append(h("workload.meta", date(w.period().from()), date(w.period().to()), name(w.period())))
                .append(" · <a href=\"").append(Html.escape(nav.term())).append("\">").append(h("workload.term")).append("</a> · <a href=\"")
                .append(Html.escape(nav.year())).append("\">").append(h("workload.year")).append("</a> · <a href=\"")
                .append(Html.escape(nav.workbook())).append("\">").append(h("workload.download")).append("</a></p>");
        html.append(one && !w.lines().isEmpty() ? line(w, w.lines().get(0), nav) : table(w, nav));
        html.append("<p class=\"meta\">").append(h("workload.rulesNote")).append("</p>");
        if (!one) html.append("<h2>").append(h("workload.rules")).append("</h2>").append(rules(w));
        return html.append(PageHtml.foot()).toString();
    }

    /** Every teacher: one row each, the weight under each column's name. */
    private static String table(Workload w, Nav nav) {
        StringBuilder t = new StringBuilder("<div class=\"wrap\"><table><tr><th>").append(h("workload.col.teacher")).append("</th>");
        for (WorkloadItem i : WorkloadItem.values()) {
            t.append("<th>").append(h("item." + i.name())).append("<br><small>").append(h("workload.weight", weight(w, i))).append("</small></th>");
        }
        t.append("<th>").append(h("workload.col.score")).append("</th></tr>");
        for (Workload.Line l : w.lines()) {
            t.append("<tr><td>").append(Html.escape(l.name())).append("</td>");
            for (WorkloadItem i : WorkloadItem.values()) t.append("<td class=\"n\">").append(count(l, i, nav)).append("</td>");
            t.append("<td class=\"n\"><b>").append(points(l.score())).append("</b></td></tr>");
        }
        return t.append("</table></div>").toString();
    }

    /** One teacher: the numbers and the rule side by side. */
    private static String line(Workload w, Workload.Line l, Nav nav) {
        StringBuilder t = new StringBuilder("<div class=\"wrap\"><table><tr>");
        for (String col : List.of("item", "count", "weight", "points", "rule")) t.append("<th>").append(h("workload.col." + col)).append("</th>");
        t.append("</tr>");
        for (WorkloadItem i : WorkloadItem.values()) {
            t.append("<tr><td>").append(h("item." + i.name())).append("</td><td class=\"n\">").append(count(l, i, nav))
                    .append("</td><td class=\"n\">").append(weight(w, i)).append("</td><td class=\"n\">").append(points(l.count(i) * w.rules().weight(i)))
                    .append("</td><td>").append(h("rule." + i.name())).append("</td></tr>");
        }
        t.append("<tr><th>").append(h("workload.col.score")).append("</th><td></td><td></td><td class=\"n\"><b>").append(points(l.score()))
                .append("</b></td><td><small>config/workload.yml</small></td></tr>");
        return t.append("</table></div>").toString();
    }

    private static String rules(Workload w) {
        StringBuilder t = new StringBuilder("<div class=\"wrap\"><table><tr>");
        for (String col : List.of("item", "key", "weight", "rule")) t.append("<th>").append(h("workload.col." + col)).append("</th>");
        t.append("</tr>");
        for (WorkloadItem i : WorkloadItem.values()) {
            t.append("<tr><td>").append(h("item." + i.name())).append("</td><td><code>").append(i.key()).append("</code></td><td class=\"n\">")
                    .append(weight(w, i)).append("</td><td>").append(h("rule." + i.name())).append("</td></tr>");
        }
        return t.append("</table></div>").toString();
    }

    private static String count(Workload.Line l, WorkloadItem i, Nav nav) {
        int n = l.count(i);
        return n == 0 ? "0" : "<a href=\"" + Html.escape(nav.behind().apply(l.teacherId(), i)) + "\">" + n + "</a>";
    }

    /** 2025-2026学年第二学期 as a term is named, 2025-2026学年 as it is. */
    static String name(Workload.Period p) {
        return p.year() ? p.name() : PageHtml.term(p.name());
    }

    static String weight(Workload w, WorkloadItem i) {
        return points(w.rules().weight(i));
    }

    static String points(double d) {
        String s = String.format(Locale.ROOT, "%.2f", d);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** What is behind one count: a row per record, reminder, plan, assessment, conference, mentee or streak. */
    static String behind(String teacherName, WorkloadItem item, Workload.Period period, List<Behind> rows, Roster roster, String back) {
        String title = PageHtml.t("behind.title", teacherName, PageHtml.t("item." + item.name()), name(period));
        StringBuilder html = new StringBuilder(PageHtml.head(title)).append("<h1>").append(Html.escape(title)).append("</h1><p class=\"meta\">")
                .append(h("workload.meta", date(period.from()), date(period.to()), name(period))).append(" · ")
                .append(h("behind.count", rows.size())).append(" · ").append(h("rule." + item.name())).append("</p>");
        if (rows.isEmpty()) html.append("<p>").append(h("behind.none")).append("</p>");
        else {
            html.append("<div class=\"wrap\"><table><tr><th>").append(h("behind.col.date")).append("</th><th>").append(h("behind.col.students"))
                    .append("</th><th>").append(h("behind.col.what")).append("</th></tr>");
            for (Behind b : rows) {
                html.append("<tr><td>").append(b.date() == null ? "" : date(b.date())).append("</td><td>")
                        .append(Html.escape(String.join("、", b.studentIds().stream()
                                .map(id -> roster.student(id).map(Student::name).orElse("")).filter(s -> !s.isEmpty()).toList())))
                        .append("</td><td>").append(what(item, b, roster)).append("</td></tr>");
            }
            html.append("</table></div>");
        }
        return html.append("<p><a href=\"").append(Html.escape(back)).append("\">").append(h("behind.back")).append("</a></p>")
                .append(PageHtml.foot()).toString();
    }

    private static String what(WorkloadItem item, Behind b, Roster roster) {
        String className = b.classId() == null ? "" : roster.schoolClass(b.classId()).map(SchoolClass::name).orElse("");
        return switch (item) {
            case MENTEES -> h("behind.mentee", className);
            case CONFERENCES -> h("behind.conference", className, b.text());
            case REMINDERS_ON_TIME, REMINDERS_LATE, FOLLOW_UPS_CLOSED ->
                    b.date() == null ? h("behind.reminder.undated", b.text(), date(b.due())) : h("behind.reminder", b.text(), date(b.due()));
            case PLANS -> h("behind.plan", b.text());
            case ASSESSMENTS -> h("behind.assessment", b.text());
            case FLAGS_CLEARED -> h("behind.flagCleared", String.valueOf(b.recordId()));
            case OVERDUE_STREAKS -> h("behind.streak");
            default -> Html.escape(PageHtml.kind(b.kind(), b.talkType(), b.channel())) + " <small>" + h("behind.record", String.valueOf(b.recordId()))
                    + "</small>";
        };
    }
}
