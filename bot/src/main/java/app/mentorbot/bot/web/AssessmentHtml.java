package app.mentorbot.bot.web;

import static app.mentorbot.bot.web.PageHtml.h;
import static app.mentorbot.bot.web.PageHtml.p;
import static app.mentorbot.bot.web.PageHtml.t;

import java.util.List;
import java.util.stream.Collectors;

import app.mentorbot.conversations.assessments.Area;
import app.mentorbot.conversations.assessments.StageAssessment;
import app.mentorbot.conversations.assessments.YearReview;
import app.mentorbot.conversations.digests.GrowthFile;

/** Stage assessments on the pages: every stage on the growth file with the year-end review draft, the latest levels in a digest. */
final class AssessmentHtml {
    private AssessmentHtml() {}

    /** 思想较好 学业一般 心理需关注 生活较好 — a digest cell. */
    static String levels(StageAssessment a) {
        if (a == null) return h("digest.assessment.none");
        String levels = a.areas().stream().map(l -> t("areaShort." + l.area().name()) + t("level." + l.level().name()))
                .collect(Collectors.joining(" "));
        return Html.escape(t("digest.assessment.line", a.stage(), levels));
    }

    /** The growth file's section: one row per stage, the mentor's words under it. */
    static void growthFile(GrowthFile g, StringBuilder html) {
        html.append("<h2>").append(h("growth.assessments")).append("</h2>");
        if (g.assessments().isEmpty()) {
            html.append(p("growth.assessments.none", g.name()));
        } else {
            html.append("<div class=\"wrap\"><table><thead><tr><th>").append(h("growth.assessments.stage")).append("</th><th>")
                    .append(h("growth.assessments.period")).append("</th>");
            for (Area a : Area.values()) html.append("<th>").append(h("area." + a.name())).append("</th>");
            html.append("<th>").append(h("growth.assessments.family")).append("</th></tr></thead><tbody>");
            for (StageAssessment a : g.assessments()) {
                html.append("<tr><td>").append(Html.escape(a.stage())).append("</td><td>")
                        .append(Html.escape(PageHtml.date(a.from()) + "—" + PageHtml.date(a.to()))).append("</td>");
                for (Area area : Area.values()) html.append("<td>").append(h("level." + a.area(area).level().name())).append("</td>");
                html.append("<td>").append(h(a.sent() ? "growth.assessments.sent" : "growth.assessments.kept")).append("</td></tr>");
                List<String> words = a.areas().stream().filter(l -> !l.words().isBlank())
                        .map(l -> t("areaShort." + l.area().name()) + "：" + l.words()).toList();
                if (!words.isEmpty()) {
                    html.append("<tr><td colspan=\"7\" class=\"meta\">")
                            .append(h("growth.assessments.words", String.join(t("growth.plan.sep"), words))).append("</td></tr>");
                }
            }
            html.append("</tbody></table></div>");
        }
        review(g.yearReview(), html);
    }

    private static void review(YearReview y, StringBuilder html) {
        if (y == null) return;
        String sep = t("growth.plan.sep");
        html.append("<h2>").append(h("growth.review")).append("</h2><p class=\"meta\">")
                .append(h("growth.review.meta", PageHtml.date(y.from()), PageHtml.date(y.to()))).append("</p><div class=\"wrap\"><table class=\"plan\"><tbody>");
        row(html, "growth.review.goals", y.goals().isEmpty() ? t("growth.review.noPlan") : String.join(sep, y.goals()));
        row(html, "growth.review.stages", y.stages().isEmpty() ? t("growth.review.noStages") : y.stages().stream()
                .map(a -> a.stage() + " " + a.areas().stream().map(l -> t("areaShort." + l.area().name()) + t("level." + l.level().name()))
                        .collect(Collectors.joining("、"))).collect(Collectors.joining(sep)));
        row(html, "growth.review.counts", t("growth.review.countsLine", String.valueOf(y.individualTalks()), String.valueOf(y.groupTalks()),
                String.valueOf(y.parentContacts())));
        row(html, "growth.review.flags", y.flags().isEmpty() ? t("growth.review.noFlags") : y.flags().stream()
                .map(f -> t(f.cleared() ? "growth.review.flag.cleared" : "growth.review.flag.open", PageHtml.flag(f.flag()),
                        String.valueOf(f.records()), PageHtml.date(f.last()))).collect(Collectors.joining(sep)));
        html.append("</tbody></table></div>");
    }

    private static void row(StringBuilder html, String label, String text) {
        html.append("<tr><th>").append(h(label)).append("</th><td>").append(Html.escape(text)).append("</td></tr>");
    }
}
