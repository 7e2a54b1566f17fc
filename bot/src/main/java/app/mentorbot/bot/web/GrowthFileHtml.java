package app.mentorbot.bot.web;

import static app.mentorbot.bot.web.PageHtml.h;
import static app.mentorbot.bot.web.PageHtml.p;
import static app.mentorbot.bot.web.PageHtml.t;

import java.util.List;

import app.mentorbot.conversations.digests.GrowthFile;

/** A student's printable growth file (成长档案): who they are, then every record by month, oldest first. */
final class GrowthFileHtml {
    private GrowthFileHtml() {}

    static String render(GrowthFile g) {
        String title = t("growth.title", g.name());
        StringBuilder html = new StringBuilder(PageHtml.head(title));
        html.append("<h1>").append(Html.escape(title)).append("</h1><p class=\"meta\">")
                .append(h("growth.class", PageHtml.orDash(g.className()))).append(" · ")
                .append(h("growth.mentor", PageHtml.orUnassigned(g.mentorName()))).append(" · ")
                .append(h("growth.head", PageHtml.orUnassigned(g.classHeadName()))).append(" · ")
                .append(h("growth.parents", PageHtml.joinOrNone(g.parentRelations()))).append("<br>")
                .append(h("created", PageHtml.fullDate(g.today()))).append("</p>");
        html.append(p("growth.count", String.valueOf(g.recordCount())));
        if (g.flagCounts().isEmpty()) {
            html.append(p("growth.flags.none"));
        } else {
            List<String> counts = g.flagCounts().entrySet().stream()
                    .map(f -> t("growth.flagCount", PageHtml.flag(f.getKey()), String.valueOf(f.getValue()))).toList();
            html.append(p("growth.flags", String.join(t("list.sep"), counts)));
        }
        html.append("<h2>").append(h("growth.open")).append("</h2>");
        if (g.openFollowUps().isEmpty()) {
            html.append(p("digest.open.none"));
        } else {
            html.append("<ul>");
            g.openFollowUps().forEach(f -> html.append("<li>").append(Html.escape(PageHtml.followUpLine(f))).append("</li>"));
            html.append("</ul>");
        }
        if (g.months().isEmpty()) {
            html.append(p("growth.none"));
        }
        for (GrowthFile.Month m : g.months()) {
            html.append("<h2>").append(Html.escape(PageHtml.month(m.month()))).append("</h2>")
                    .append(PageHtml.entryTable(m.entries(), true));
        }
        return html.append(PageHtml.foot()).toString();
    }
}
