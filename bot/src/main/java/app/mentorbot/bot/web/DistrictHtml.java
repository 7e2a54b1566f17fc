package app.mentorbot.bot.web;

import static app.mentorbot.bot.web.PageHtml.h;

import java.time.LocalDate;
import java.util.List;

import app.mentorbot.conversations.leadership.SchoolFigures;
import app.mentorbot.conversations.leadership.SchoolOverview;

/** The district page: one row per school, figures only, each school's name linking to its overview. */
final class DistrictHtml {
    private DistrictHtml() {}

    /** One school: its figures, whether its admin lets the district see below them, and the link to its overview. */
    record Line(SchoolFigures figures, boolean granted, String link) {}

    static String render(String districtName, LocalDate today, List<Line> lines) {
        String title = PageHtml.t("district.title");
        StringBuilder html = new StringBuilder(PageHtml.head(title)).append("<h1>").append(Html.escape(title)).append("</h1>")
                .append("<p class=\"meta\">").append(h("district.meta", districtName, PageHtml.fullDate(today), lines.size())).append("</p>");
        if (lines.isEmpty()) return html.append("<p>").append(h("district.none")).append("</p>").append(PageHtml.foot()).toString();
        html.append("<div class=\"wrap\"><table><tr>");
        for (String col : List.of("school", "size", "talks", "group", "contacts", "flagged", "grant")) {
            html.append("<th>").append(h("district.col." + col)).append("</th>");
        }
        html.append("</tr>");
        for (Line l : lines) {
            SchoolFigures o = l.figures();
            SchoolOverview.Week now = o.latest();
            html.append("<tr><td><a href=\"").append(Html.escape(l.link())).append("\">").append(Html.escape(o.schoolName())).append("</a></td>")
                    .append("<td class=\"n\">").append(h("overview.ratio", o.students(), o.mentors())).append("</td>")
                    .append(percent(now == null ? null : now.talksOnTime()))
                    .append(percent(now == null ? null : now.groupTalks()))
                    .append(percent(now == null ? null : now.contactsMet()))
                    .append("<td class=\"n\">").append(o.flagged()).append("</td>")
                    .append("<td>").append(h(l.granted() ? "district.granted" : "district.figuresOnly")).append("</td></tr>");
        }
        return html.append("</table></div><p class=\"meta\">").append(h("district.note")).append("</p>").append(PageHtml.foot()).toString();
    }

    private static String percent(Integer p) {
        return "<td class=\"n\">" + (p == null ? "—" : p + "%") + "</td>";
    }
}
