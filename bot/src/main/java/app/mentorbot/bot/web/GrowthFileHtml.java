package app.mentorbot.bot.web;

import static app.mentorbot.bot.web.PageHtml.h;
import static app.mentorbot.bot.web.PageHtml.p;
import static app.mentorbot.bot.web.PageHtml.t;

import java.util.List;

import app.mentorbot.conversations.digests.Entry;
import app.mentorbot.conversations.digests.GrowthFile;
import app.mentorbot.conversations.plans.GuidancePlan;
import app.mentorbot.conversations.understanding.Kind;

/** A student's printable growth file (成长档案): who they are, their guidance plan, stage assessments and year-end review draft, then every record by month, oldest first. */
final class GrowthFileHtml {
    private GrowthFileHtml() {}

    /** @param pdfLink the signed link to the same file as a PDF, or null in the PDF itself */
    static String render(GrowthFile g, String pdfLink) {
        String title = t("growth.title", g.name());
        StringBuilder html = new StringBuilder(PageHtml.head(title));
        html.append("<h1>").append(Html.escape(title)).append("</h1><p class=\"meta\">")
                .append(h("growth.class", PageHtml.orDash(g.className()))).append(" · ")
                .append(h("growth.mentor", PageHtml.orUnassigned(g.mentorName()))).append(" · ")
                .append(h("growth.head", PageHtml.orUnassigned(g.classHeadName()))).append(" · ")
                .append(h("growth.parents", PageHtml.joinOrNone(g.parentRelations()))).append("<br>")
                .append(h("created", PageHtml.fullDate(g.today()))).append("</p>");
        if (pdfLink != null) {
            html.append("<p class=\"noprint\"><a href=\"").append(Html.escape(pdfLink)).append("\">").append(h("pdf.download"))
                    .append("</a> · ").append(h("digest.print")).append("</p>");
        }
        html.append(p("growth.count", String.valueOf(g.recordCount())));
        chart(g, html);
        if (g.flagCounts().isEmpty()) {
            html.append(p("growth.flags.none"));
        } else {
            List<String> counts = g.flagCounts().entrySet().stream()
                    .map(f -> t("growth.flagCount", PageHtml.flag(f.getKey()), String.valueOf(f.getValue()))).toList();
            html.append(p("growth.flags", String.join(t("list.sep"), counts)));
        }
        plan(g, html);
        AssessmentHtml.growthFile(g, html);
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

    /** Records per month by kind, as bars; none when there are no records. */
    private static void chart(GrowthFile g, StringBuilder html) {
        if (g.months().isEmpty()) return;
        List<Svg.Bar> bars = g.months().stream().map(m -> {
            int individual = (int) m.entries().stream().filter(Entry::isIndividualTalk).count();
            int group = (int) m.entries().stream().filter(Entry::isGroupTalk).count();
            int contacts = (int) m.entries().stream().filter(e -> e.kind() == Kind.PARENT_CONTACT).count();
            return new Svg.Bar(PageHtml.month(m.month()), individual, group, contacts, m.entries().size() - individual - group - contacts);
        }).toList();
        html.append("<figure>").append(Svg.bars(t("growth.chart"),
                        List.of(t("chart.individual"), t("chart.group"), t("chart.contacts"), t("chart.other")), bars))
                .append("<figcaption class=\"meta\">").append(h("growth.chart")).append("</figcaption></figure>");
    }

    /** The guidance plan in force, line by line, or that none was set. */
    private static void plan(GrowthFile g, StringBuilder html) {
        html.append("<h2>").append(h("growth.plan")).append("</h2>");
        if (g.guidancePlan().isEmpty()) {
            html.append(p("growth.plan.none", g.name()));
            return;
        }
        GuidancePlan plan = g.guidancePlan().get();
        html.append("<p class=\"meta\">").append(h("growth.plan.meta", String.valueOf(plan.version()), PageHtml.date(plan.setOn())))
                .append("</p><div class=\"wrap\"><table class=\"plan\"><tbody>");
        String sep = t("growth.plan.sep");
        row(html, "growth.plan.goals", String.join(sep, plan.goals()));
        row(html, "growth.plan.content", String.join(sep, plan.content()));
        row(html, "growth.plan.methods", String.join(sep, plan.methods()));
        row(html, "growth.plan.schedule", t("growth.plan.scheduleLine", every(plan.talkEveryDays()), String.valueOf(plan.parentContactsPerTerm())));
        html.append("</tbody></table></div>");
    }

    private static void row(StringBuilder html, String label, String text) {
        html.append("<tr><th>").append(h(label)).append("</th><td>").append(Html.escape(text)).append("</td></tr>");
    }

    static String every(int days) {
        return switch (days) {
            case 7 -> t("plan.every.week");
            case 14 -> t("plan.every.twoWeeks");
            case 30 -> t("plan.every.month");
            default -> t("plan.every.days", String.valueOf(days));
        };
    }
}
