package app.mentorbot.bot.web;

import static app.mentorbot.bot.web.PageHtml.date;
import static app.mentorbot.bot.web.PageHtml.h;

import java.util.List;
import java.util.function.Function;

import app.mentorbot.conversations.duties.DutyRules;
import app.mentorbot.conversations.leadership.SchoolOverview;
import app.mentorbot.conversations.leadership.SchoolOverview.ClassLine;
import app.mentorbot.conversations.leadership.SchoolOverview.MentorBehind;
import app.mentorbot.conversations.leadership.SchoolOverview.Week;

/**
 * The school overview page (全校情况): a table per grade, the term's trend as an SVG line chart, the mentors
 * furthest behind, and how everything is counted. Flagged students are counts, each linking (same signature) to
 * the class's list, which names only those the viewer may read.
 */
final class OverviewHtml {
    /** Wider than the other pages: a grade's table has thirteen columns. */
    static final String WIDE = "<style>body{max-width:80rem}.wrap th{font-size:.8rem}td.low{background:#fbe9e5}</style>";

    private OverviewHtml() {}

    /** @param flaggedLink the class's flagged-students link from its id */
    static String render(SchoolOverview o, DutyRules rules, Function<String, String> flaggedLink) {
        String title = PageHtml.t("overview.title");
        StringBuilder html = new StringBuilder(PageHtml.head(title).replace("</head>", WIDE + "</head>"));
        html.append("<h1>").append(Html.escape(title)).append("</h1><p class=\"meta\">")
                .append(h("overview.meta", o.schoolName(), PageHtml.fullDate(o.today()), PageHtml.term(o.termName()), date(o.termStart()),
                        o.students(), o.mentors()))
                .append("</p>");
        if (o.grades().isEmpty()) html.append("<p>").append(h("overview.noClasses")).append("</p>");
        for (SchoolOverview.Grade g : o.grades()) {
            html.append("<h2>").append(h("overview.grade", g.name())).append("</h2><div class=\"wrap\"><table><tr>");
            for (String col : List.of("class", "head", "size", "groupWeek", "groupTerm", "talks", "talksTerm", "contacts", "contactsWeek",
                    "visits", "conferences", "decisions", "flagged")) {
                html.append("<th>").append(h("overview.col." + col)).append("</th>");
            }
            html.append("</tr>");
            for (ClassLine c : g.classes()) html.append(row(c, flaggedLink));
            html.append("</table></div>");
        }
        html.append("<h2>").append(h("overview.trend")).append("</h2>").append(trend(o.trend()));
        html.append("<h2>").append(h("overview.behind")).append("</h2>").append(behind(o.behind()));
        html.append("<p class=\"meta\">").append(h("overview.rules", rules.groupTalksPerWeek(), rules.individualTalkDays(),
                rules.parentContactsPerTerm())).append("</p>");
        return html.append(PageHtml.foot()).toString();
    }

    private static String row(ClassLine c, Function<String, String> flaggedLink) {
        StringBuilder tr = new StringBuilder("<tr><td>").append(Html.escape(c.name())).append("</td><td>")
                .append(Html.escape(PageHtml.orUnassigned(c.headName()))).append("</td>");
        tr.append(cell(h("overview.ratio", c.students(), c.mentors()), false));
        tr.append(ratio(c.groupTalksWeek(), c.groupTalkMentors())).append(ratio(c.groupTalksTerm(), c.groupTalksDue()))
                .append(ratio(c.talksOnTime(), c.talkStudents())).append(cell(c.talksOnTimeTerm() + "%", c.talkStudents() > 0 && c.talksOnTimeTerm() < 80))
                .append(ratio(c.contactsMet(), c.talkStudents())).append(cell(String.valueOf(c.contactsWeek()), false))
                .append(cell(h("overview.ratio", c.homeVisitsWeek(), c.homeVisitsTerm()), false))
                .append(cell(h("overview.months", c.conferencesHeld(), c.conferenceMonths()) + "<br><small>"
                        + h("overview.conference." + c.conferenceNow().status().name()) + "</small>", c.conferenceNow().status().name().equals("OVERDUE")))
                .append(ratio(c.decisionsDone(), c.decisions()));
        String link = c.flagged() == 0 ? null : flaggedLink.apply(c.classId());
        String flagged = c.flagged() == 0 ? "0" : link == null ? String.valueOf(c.flagged()) // a district admin without the school's grant
                : "<a href=\"" + Html.escape(link) + "\">" + h("overview.flaggedLink", c.flagged()) + "</a>";
        return tr.append("<td class=\"n\">").append(flagged).append("</td></tr>").toString();
    }

    /** {@code n/of}, pale red when under 80 %. */
    private static String ratio(int n, int of) {
        return cell(h("overview.ratio", n, of), of > 0 && n * 5 < of * 4);
    }

    private static String cell(String html, boolean low) {
        return "<td class=\"n" + (low ? " low" : "") + "\">" + html + "</td>";
    }

    private static String trend(List<Week> weeks) {
        List<String> days = weeks.stream().map(w -> date(w.day())).toList();
        return "<div class=\"wrap\">" + Svg.lines(PageHtml.t("overview.trend"),
                List.of(PageHtml.t("overview.trend.talks"), PageHtml.t("overview.trend.groups"), PageHtml.t("overview.trend.contacts")), days,
                List.of(weeks.stream().mapToInt(Week::talksOnTime).toArray(), weeks.stream().mapToInt(Week::groupTalks).toArray(),
                        weeks.stream().mapToInt(Week::contactsMet).toArray())) + "</div>";
    }

    private static String behind(List<MentorBehind> behind) {
        if (behind.isEmpty()) return "<p>" + h("overview.behind.none") + "</p>";
        StringBuilder t = new StringBuilder("<div class=\"wrap\"><table><tr>");
        for (String col : List.of("mentor", "mentees", "overdueTalks", "contactsShort", "groupOverdue")) {
            t.append("<th>").append(h("overview.col." + col)).append("</th>");
        }
        t.append("</tr>");
        for (MentorBehind m : behind) {
            t.append("<tr><td>").append(Html.escape(m.name())).append("</td><td class=\"n\">").append(m.mentees())
                    .append("</td><td class=\"n\">").append(m.overdueTalks()).append("</td><td class=\"n\">").append(m.contactsShort())
                    .append("</td><td>").append(h(m.groupTalkOverdue() ? "overview.yes" : "overview.no")).append("</td></tr>");
        }
        return t.append("</table></div>").toString();
    }

    /** The class's flagged students the viewer may read (names linking to their growth files), and how many are hidden. */
    static String flagged(String className, List<String[]> shown, int hidden, String back) {
        String title = PageHtml.t("overview.flagged.title", className);
        StringBuilder html = new StringBuilder(PageHtml.head(title)).append("<h1>").append(Html.escape(title)).append("</h1>");
        if (shown.isEmpty() && hidden == 0) html.append("<p>").append(h("overview.flagged.none")).append("</p>");
        html.append("<ul>");
        for (String[] s : shown) {
            if (s[1] == null) html.append("<li>").append(Html.escape(s[0])).append("</li>");
            else html.append("<li><a href=\"").append(Html.escape(s[1])).append("\">").append(Html.escape(s[0])).append("</a></li>");
        }
        html.append("</ul>");
        if (hidden > 0) html.append("<p class=\"meta\">").append(h("overview.flagged.hidden", hidden)).append("</p>");
        return html.append("<p><a href=\"").append(Html.escape(back)).append("\">").append(h("overview.back")).append("</a></p>")
                .append(PageHtml.foot()).toString();
    }
}
