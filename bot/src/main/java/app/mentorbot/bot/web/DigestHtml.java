package app.mentorbot.bot.web;

import static app.mentorbot.bot.web.PageHtml.date;
import static app.mentorbot.bot.web.PageHtml.h;
import static app.mentorbot.bot.web.PageHtml.p;
import static app.mentorbot.bot.web.PageHtml.t;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import app.mentorbot.conversations.digests.ConferenceDigest.Decision;
import app.mentorbot.conversations.digests.ConferenceDigest.KeyStudent;
import app.mentorbot.conversations.digests.ConferenceDigest.MentorCoverage;
import app.mentorbot.conversations.digests.ConferenceDigest.Reason;
import app.mentorbot.conversations.digests.ConferenceDigest.StudentLine;
import app.mentorbot.conversations.digests.ConferenceDigest;
import app.mentorbot.conversations.digests.Entry;
import app.mentorbot.conversations.digests.FollowUp;
import app.mentorbot.conversations.understanding.Topic;

/** The case-conference digest as one printable page: at a glance, key students, coverage, decisions. */
final class DigestHtml {
    private DigestHtml() {}

    /**
     * @param xlsxLink the signed link to the same digest as a workbook
     * @param pdfLink  the signed link to it as a PDF; both null in the PDF itself
     */
    static String render(ConferenceDigest d, String xlsxLink, String pdfLink) {
        String title = t("digest.title", d.className());
        StringBuilder html = new StringBuilder(PageHtml.head(title));
        html.append("<h1>").append(Html.escape(title)).append("</h1><p class=\"meta\">")
                .append(d.previousConference() != null
                        ? h("digest.period.since", date(d.from()), date(d.today()))
                        : h("digest.period.fallback", date(d.from()), date(d.today()), String.valueOf(
                                ChronoUnit.DAYS.between(d.from(), d.today()))))
                .append("<br>").append(h("digest.head", PageHtml.orUnassigned(d.classHeadName())))
                .append(" · ").append(h("digest.term", d.termName()))
                .append(" · ").append(h("created", PageHtml.fullDate(d.today()))).append("</p>");
        if (xlsxLink != null) {
            html.append("<p class=\"noprint\"><a href=\"").append(Html.escape(xlsxLink)).append("\">").append(h("digest.download"))
                    .append("</a> · <a href=\"").append(Html.escape(pdfLink)).append("\">").append(h("pdf.download"))
                    .append("</a> · ").append(h("digest.print")).append("</p>");
        }
        glance(d, html);
        keyStudents(d, html);
        coverage(d, html);
        decisions(d, html);
        return html.append(PageHtml.foot()).toString();
    }

    private static void glance(ConferenceDigest d, StringBuilder html) {
        html.append("<h2>").append(h("digest.glance")).append("</h2>");
        if (d.students().isEmpty()) {
            html.append(p("digest.noStudents"));
            return;
        }
        ConferenceDigest.Totals n = d.totals();
        html.append(p("digest.glance.line", String.valueOf(d.students().size()), String.valueOf(n.individualTalks()),
                String.valueOf(n.groupTalks()), String.valueOf(n.parentContacts()), String.valueOf(n.observations()), String.valueOf(d.keyStudents().size())));
        List<Svg.Bar> bars = d.students().stream()
                .map(s -> new Svg.Bar(s.name(), s.individualTalks(), s.groupTalks(), s.parentContacts())).toList();
        html.append("<figure>").append(Svg.bars(t("digest.glance.chart"),
                        List.of(t("chart.individual"), t("chart.group"), t("chart.contacts")), bars))
                .append("<figcaption class=\"meta\">").append(h("digest.glance.chart")).append("</figcaption></figure>");
        html.append("<div class=\"wrap\"><table><thead><tr>");
        for (String col : List.of("col.student", "col.mentor", "col.individual", "col.group", "col.contacts", "col.observations", "col.flags", "col.plan", "col.assessment")) {
            html.append("<th>").append(h(col)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (StudentLine s : d.students()) {
            boolean key = d.keyStudents().stream().anyMatch(k -> k.studentId().equals(s.studentId()));
            html.append("<tr><td>").append(key ? "<a href=\"#s-" + Html.escape(s.studentId()) + "\">" : "")
                    .append(Html.escape(s.name())).append(key ? "</a>" : "").append("</td><td>")
                    .append(Html.escape(PageHtml.orUnassigned(s.mentorName()))).append("</td><td class=\"n\">")
                    .append(s.individualTalks()).append("</td><td class=\"n\">").append(s.groupTalks()).append("</td><td class=\"n\">")
                    .append(s.parentContacts()).append("</td><td class=\"n\">").append(s.observations()).append("</td><td>")
                    .append(PageHtml.flagBadges(s.flags(), s.safetySuspected())).append("</td><td>")
                    .append(s.planSetOn() == null ? h("digest.plan.none") : h("digest.plan.set", PageHtml.date(s.planSetOn()))).append("</td><td>")
                    .append(AssessmentHtml.levels(s.assessment())).append("</td></tr>");
        }
        html.append("</tbody></table></div>");
    }

    static String reason(Reason r) {
        return switch (r.why()) {
            case FLAGGED -> t("digest.reason.flagged", PageHtml.flagNames(r.flags()));
            case TALK_OVERDUE -> t("digest.reason.overdue", String.valueOf(r.overdueDays()), date(r.overdueSince()),
                    r.lastTalk() == null ? t("digest.reason.neverTalked") : date(r.lastTalk()));
        };
    }

    private static void keyStudents(ConferenceDigest d, StringBuilder html) {
        html.append("<h2>").append(h("digest.key")).append("</h2>");
        if (d.keyStudents().isEmpty()) {
            html.append(p("digest.key.none"));
            return;
        }
        for (KeyStudent k : d.keyStudents()) {
            html.append("<section class=\"key\" id=\"s-").append(Html.escape(k.studentId())).append("\"><h3>")
                    .append(Html.escape(k.name())).append(" <span class=\"meta\">")
                    .append(h("digest.key.mentor", PageHtml.orUnassigned(k.mentorName()))).append("</span></h3><ul>");
            for (Reason r : k.reasons()) html.append("<li>").append(Html.escape(reason(r))).append("</li>");
            html.append("</ul><h4>").append(h("digest.timeline")).append("</h4>");
            if (k.timeline().isEmpty()) html.append(p("digest.timeline.none"));
            else html.append(PageHtml.entryTable(k.timeline(), false));
            html.append("<h4>").append(h("digest.tried")).append("</h4>");
            List<String> tried = new ArrayList<>();
            for (Entry e : k.tried()) tried.add(date(e.date()) + " " + PageHtml.author(e) + " " + PageHtml.kind(e));
            for (Decision dec : k.earlierDecisions()) {
                tried.add(t("digest.tried.decision", date(dec.decidedOn()), dec.text(), PageHtml.orDash(dec.ownerName())));
            }
            if (tried.isEmpty()) html.append(p("digest.tried.none"));
            else list(html, tried);
            html.append("<h4>").append(h("digest.open")).append("</h4>");
            if (k.openFollowUps().isEmpty()) html.append(p("digest.open.none"));
            else list(html, k.openFollowUps().stream().map(PageHtml::followUpLine).toList());
            html.append("</section>");
        }
    }

    private static void coverage(ConferenceDigest d, StringBuilder html) {
        html.append("<h2>").append(h("digest.coverage")).append("</h2>");
        if (d.coverage().isEmpty()) {
            html.append(p("digest.coverage.none"));
            return;
        }
        List<String> duties = Arrays.stream(Topic.values()).map(PageHtml::topic).toList();
        int[][] counts = new int[d.coverage().size()][];
        for (int i = 0; i < counts.length; i++) {
            MentorCoverage c = d.coverage().get(i);
            counts[i] = Arrays.stream(Topic.values()).mapToInt(topic -> c.topics().get(topic)).toArray();
        }
        html.append("<figure>").append(Svg.grid(t("digest.coverage.chart"), duties,
                        d.coverage().stream().map(MentorCoverage::name).toList(), counts))
                .append("<figcaption class=\"meta\">").append(h("digest.coverage.chart")).append("</figcaption></figure>");
        html.append("<div class=\"wrap\"><table><thead><tr>");
        for (String col : List.of("col.mentor", "col.mentees", "col.talkedTo", "col.individual", "col.group", "col.contacts",
                "col.overdue", "col.covered")) {
            html.append("<th>").append(h(col)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (MentorCoverage c : d.coverage()) {
            html.append("<tr><td>").append(Html.escape(PageHtml.orDash(c.name()))).append("</td><td class=\"n\">").append(c.mentees())
                    .append("</td><td class=\"n\">").append(c.menteesTalkedTo()).append(" / ").append(c.mentees())
                    .append("</td><td class=\"n\">").append(c.individualTalks()).append("</td><td class=\"n\">").append(c.groupTalks())
                    .append("</td><td class=\"n\">").append(c.parentContacts()).append("</td><td class=\"n\">").append(c.overdueTalks())
                    .append("</td><td>").append(Html.escape(PageHtml.topics(c.covered()))).append("</td></tr>");
        }
        html.append("</tbody></table></div>");
    }

    static String outcome(Decision dec) {
        if (dec.remindersDone()) return t("digest.decision.byReminders");
        if (!dec.laterRecords().isEmpty()) return t("digest.decision.byRecords", String.valueOf(dec.laterRecords().size()));
        return t("digest.decision.notYet");
    }

    private static void decisions(ConferenceDigest d, StringBuilder html) {
        html.append("<h2>").append(h("digest.decisions")).append("</h2>");
        if (d.decisions().isEmpty()) {
            html.append(p("digest.decisions.none"));
            return;
        }
        for (Decision dec : d.decisions()) {
            html.append("<section class=\"key\" id=\"d-").append(dec.id()).append("\"><h3>")
                    .append(h("digest.decision.head", date(dec.decidedOn()), dec.text())).append("</h3><p class=\"")
                    .append(dec.happened() ? "ok" : "no").append("\">").append(Html.escape(outcome(dec))).append("</p><p class=\"meta\">")
                    .append(h("digest.decision.students", PageHtml.joinOrNone(dec.studentNames()))).append(" · ")
                    .append(h("digest.decision.owner", PageHtml.orDash(dec.ownerName()))).append("<br>");
            if (dec.reminders().isEmpty()) html.append(h("digest.decision.noReminders"));
            else html.append(h("digest.decision.reminders", String.join(t("list.sep"),
                    dec.reminders().stream().map(PageHtml::followUpLine).toList())));
            html.append("</p>");
            if (!dec.laterRecords().isEmpty()) {
                html.append("<p>").append(h("digest.decision.later")).append("</p>").append(PageHtml.entryTable(dec.laterRecords(), false));
            }
            html.append("</section>");
        }
    }

    private static void list(StringBuilder html, List<String> items) {
        html.append("<ul>");
        for (String item : items) html.append("<li>").append(Html.escape(item)).append("</li>");
        html.append("</ul>");
    }

    /** The reminders of a decision, for the workbook. */
    static String reminders(List<FollowUp> reminders) {
        return reminders.isEmpty() ? t("none") : String.join(t("list.sep"), reminders.stream().map(PageHtml::followUpLine).toList());
    }
}
