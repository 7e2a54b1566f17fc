package app.mentorbot.bot.web;

import static app.mentorbot.bot.web.PageHtml.date;
import static app.mentorbot.bot.web.PageHtml.h;
import static app.mentorbot.bot.web.PageHtml.p;
import static app.mentorbot.bot.web.PageHtml.t;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.mentorbot.conversations.digests.Entry;
import app.mentorbot.conversations.digests.SemesterSummary.DutyLine;
import app.mentorbot.conversations.digests.SemesterSummary.Highlight;
import app.mentorbot.conversations.digests.SemesterSummary.Planned;
import app.mentorbot.conversations.digests.SemesterSummary.Tally;
import app.mentorbot.conversations.digests.SemesterSummary;
import app.mentorbot.conversations.duties.Duty;
import app.mentorbot.conversations.duties.DutyState;
import app.mentorbot.conversations.understanding.Channel;
import app.mentorbot.conversations.understanding.Topic;

/**
 * A mentor's draft semester summary. Each statement ends with links to the rows of the records behind it
 * ({@code #r123}), which are listed at the bottom of the same page, so the mentor can check every number.
 */
final class SummaryHtml {
    private SummaryHtml() {}

    static String render(SemesterSummary s) {
        Map<Long, Entry> byId = s.records().stream().collect(Collectors.toMap(Entry::recordId, Function.identity(), (a, b) -> a));
        String title = t("summary.title", s.name());
        StringBuilder html = new StringBuilder(PageHtml.head(title));
        html.append("<h1>").append(Html.escape(title)).append("</h1><p class=\"meta\">")
                .append(h("summary.period", date(s.termStart()), date(s.to()), PageHtml.term(s.termName()))).append(" · ")
                .append(h("created", PageHtml.fullDate(s.today()))).append("</p>").append(p("summary.draft"));

        html.append("<h2>").append(h("summary.work")).append("</h2><ul>");
        statement(html, h("summary.mentees", String.valueOf(s.mentees()), String.valueOf(s.menteesTalkedTo().count())),
                s.menteesTalkedTo(), byId);
        statement(html, h("summary.individual", String.valueOf(s.individualTalks().count())), s.individualTalks(), byId);
        statement(html, h("summary.group", String.valueOf(s.groupTalks().count())), s.groupTalks(), byId);
        statement(html, h("summary.contacts", String.valueOf(s.parentContacts().count())), s.parentContacts(), byId);
        html.append("<li><ul>");
        for (Channel c : Channel.values()) {
            Tally tally = s.contactsByChannel().get(c);
            statement(html, h("summary.channel", t("channel." + c.name()), String.valueOf(tally.count())), tally, byId);
        }
        html.append("</ul></li>");
        statement(html, h("summary.observations", String.valueOf(s.observations().count())), s.observations(), byId);
        html.append("</ul>");

        html.append("<h2>").append(h("summary.duties")).append("</h2>");
        List<Svg.Bar> bars = Arrays.stream(Topic.values()).map(topic -> new Svg.Bar(PageHtml.topic(topic), s.duties().get(topic).count())).toList();
        html.append("<figure>").append(Svg.bars(t("summary.duties.chart"), List.of(t("col.count")), bars))
                .append("<figcaption class=\"meta\">").append(h("summary.duties.chart")).append("</figcaption></figure><ul>");
        for (Topic topic : Topic.values()) {
            Tally tally = s.duties().get(topic);
            statement(html, tally.count() == 0 ? h("summary.duty.missing", PageHtml.topic(topic))
                    : h("summary.duty.line", PageHtml.topic(topic), String.valueOf(tally.count())), tally, byId);
        }
        html.append("</ul>");

        html.append("<h2>").append(h("summary.highlights")).append("</h2>");
        if (s.highlights().isEmpty()) html.append(p("summary.highlights.none"));
        else html.append("<ul>");
        for (Highlight hl : s.highlights()) {
            html.append("<li>").append(h("summary.highlight.flags", hl.name(), PageHtml.flagNames(hl.flags())))
                    .append(links(hl.flaggedRecordIds(), byId)).append("；")
                    .append(hl.actionRecordIds().isEmpty() ? h("summary.highlight.noActions")
                            : h("summary.highlight.actions", String.valueOf(hl.actionRecordIds().size())) + links(hl.actionRecordIds(), byId));
            if (!hl.openFollowUps().isEmpty()) {
                html.append("；").append(h("summary.highlight.open",
                        String.join(t("list.sep"), hl.openFollowUps().stream().map(PageHtml::followUpLine).toList())));
            }
            html.append("</li>");
        }
        if (!s.highlights().isEmpty()) html.append("</ul>");

        html.append("<h2>").append(h("summary.followUps")).append("</h2>");
        if (s.followUps().isEmpty()) html.append(p("summary.followUps.none"));
        else {
            html.append("<ul>");
            for (Planned f : s.followUps()) {
                html.append("<li>").append(h("summary.followUp.line", PageHtml.joinOrNone(f.studentNames()), date(f.on())))
                        .append(f.due() ? h("summary.followUp.due") : "").append(links(List.of(f.recordId()), byId)).append("</li>");
            }
            html.append("</ul>");
        }

        html.append("<h2>").append(h("summary.ledger", date(s.today()))).append("</h2>");
        if (s.ledger().isEmpty()) html.append(p("summary.ledger.none"));
        else ledger(html, s.ledger());

        html.append("<h2>").append(h("summary.records")).append("</h2>");
        if (s.records().isEmpty()) html.append(p("summary.records.none"));
        else html.append(PageHtml.entryTable(s.records(), true));
        return html.append(PageHtml.foot()).toString();
    }

    private static void statement(StringBuilder html, String text, Tally tally, Map<Long, Entry> byId) {
        html.append("<li>").append(text).append(links(tally.recordIds(), byId)).append("</li>");
    }

    /** Links to the record rows, labelled by date; only to records the page shows. */
    static String links(List<Long> ids, Map<Long, Entry> byId) {
        StringBuilder out = new StringBuilder();
        List<Long> shown = ids.stream().distinct().filter(byId::containsKey).toList();
        if (shown.isEmpty()) return "";
        out.append(" <span class=\"meta\">").append(h("summary.see")).append("</span>");
        for (Long id : shown) {
            Entry e = byId.get(id);
            out.append("<a class=\"rec\" href=\"#r").append(id).append("\" title=\"")
                    .append(Html.escape(PageHtml.kind(e) + " " + PageHtml.joinOrNone(e.studentNames()))).append("\">")
                    .append(Html.escape(date(e.date()))).append("</a>");
        }
        return out.toString();
    }

    private static void ledger(StringBuilder html, List<DutyLine> lines) {
        html.append("<div class=\"wrap\"><table><thead><tr>");
        for (String col : List.of("col.duty", "col.subject", "col.status", "col.due", "col.last")) {
            html.append("<th>").append(h(col)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (DutyLine line : lines) {
            DutyState d = line.state();
            String status = t("duty.status." + d.status().name());
            if (d.needed() > 0 && d.duty() == Duty.PARENT_CONTACT) {
                status += "（" + d.count() + " / " + d.needed() + "）";
            }
            html.append("<tr><td>").append(h("duty." + d.duty().name())).append("</td><td>")
                    .append(Html.escape(PageHtml.orDash(line.subjectName()))).append("</td><td class=\"")
                    .append(d.status() == DutyState.Status.OVERDUE ? "no" : d.status() == DutyState.Status.DONE ? "ok" : "st")
                    .append("\">").append(Html.escape(status)).append("</td><td>").append(Html.escape(date(d.dueBy())))
                    .append("</td><td>").append(Html.escape(date(d.lastDone()))).append("</td></tr>");
        }
        html.append("</tbody></table></div>");
    }
}
