package app.mentorbot.bot.web;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;

import app.mentorbot.conversations.digests.AuthorRole;
import app.mentorbot.conversations.digests.Entry;
import app.mentorbot.conversations.digests.FollowUp;
import app.mentorbot.conversations.understanding.Channel;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.TalkType;
import app.mentorbot.conversations.understanding.Topic;

/**
 * What the digest, growth-file and summary pages share: the fixed words from {@code pages.properties}, labels
 * for the domain's enums, dates in Chinese, a record row, and the page frame around {@link Html#head}.
 * Arguments are escaped here, so a bundle string may carry markup but nothing people typed can.
 */
final class PageHtml {
    private static final ResourceBundle WORDS = ResourceBundle.getBundle("app.mentorbot.bot.web.pages", Locale.ROOT);
    private static final String STYLE = "<style>"
            + "h2{font-size:1.1rem;margin-top:1.6rem;border-bottom:1px solid #cfdcd4}h3{font-size:1rem;margin:.8rem 0 .3rem}"
            + "table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.4rem 0}th,td{border:1px solid #d6e0da;"
            + "padding:.25rem .35rem;text-align:left;vertical-align:top}th{background:#eef4f0}td.n{text-align:right}"
            + ".meta{color:#55645d;font-size:.9rem}.flag{display:inline-block;font-size:.8rem;border-radius:4px;padding:0 .3rem;"
            + "background:#fdecc8;margin-right:.2rem}.flag-SAFETY{background:#f8c9c4}.ok{color:#1d6b3a}.no{color:#a23b2a}"
            + ".key{border:1px solid #d6e0da;border-radius:6px;padding:.2rem .7rem;margin:.8rem 0}.wrap{overflow-x:auto}"
            + "svg{max-width:100%;height:auto}a.rec{font-size:.85rem;margin-left:.25rem}ul{padding-left:1.2rem}"
            + "th,td{min-width:3em}.wrap td:last-child{min-width:10em}"
            + "@media (max-width:40rem){.wrap table{min-width:36rem}}" // a phone scrolls the table sideways, cells stay readable
            + "@media print{.noprint{display:none}.key,tr{break-inside:avoid}a{color:inherit;text-decoration:none}}"
            + "</style>";

    private PageHtml() {}

    /** A fixed string, formatted with arguments when there are any (arguments are not escaped: escape first). */
    static String t(String key, Object... args) {
        String pattern = WORDS.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    /** A fixed string with its arguments escaped, ready for HTML. */
    static String h(String key, Object... args) {
        Object[] escaped = new Object[args.length];
        for (int i = 0; i < args.length; i++) escaped[i] = args[i] instanceof String s ? Html.escape(s) : args[i];
        String pattern = Html.escape(WORDS.getString(key));
        return escaped.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(escaped);
    }

    static String head(String title) {
        return Html.head(title).replace("</head>", STYLE + "</head>");
    }

    static String foot() {
        return Html.foot();
    }

    /** The polite refusal page body (the caller answers 403 with it). */
    static String refusal(String key) {
        return head(t("app.name")) + "<h1>" + h("app.name") + "</h1><p>" + h(key) + "</p><p class=\"meta\">" + h("refuse.hint")
                + "</p>" + foot();
    }

    static String date(LocalDate d) {
        return d == null ? t("dash") : t("date.short", String.valueOf(d.getMonthValue()), String.valueOf(d.getDayOfMonth()));
    }

    static String fullDate(LocalDate d) {
        return d == null ? t("dash")
                : t("date.full", String.valueOf(d.getYear()), String.valueOf(d.getMonthValue()), String.valueOf(d.getDayOfMonth()));
    }

    static String month(YearMonth m) {
        return t("month", String.valueOf(m.getYear()), String.valueOf(m.getMonthValue()));
    }

    /** 个别谈话, 集体交流, 家长联系（家访）, 观察记录 … */
    static String kind(Entry e) {
        return kind(e.kind(), e.talkType(), e.channel());
    }

    static String kind(Kind kind, TalkType talkType, Channel channel) {
        if (kind == Kind.TALK) return t("kind.TALK." + (talkType == TalkType.GROUP ? "GROUP" : "INDIVIDUAL"));
        String k = t("kind." + kind.name());
        return kind == Kind.PARENT_CONTACT && channel != null ? k + "（" + t("channel." + channel.name()) + "）" : k;
    }

    /** A term's name ending in 学期 once: "2025-2026学年第一学期" as it is, "2026春" as "2026春学期". */
    static String term(String name) {
        String suffix = t("term.suffix");
        return name == null || name.isBlank() ? t("dash") : name.endsWith(suffix) ? name : name + suffix;
    }

    static String topic(Topic topic) {
        return t("topic." + topic.name());
    }

    static String flag(Flag flag) {
        return t("flag." + flag.name());
    }

    static String role(AuthorRole role) {
        return t("role." + role.name());
    }

    static String topics(Collection<Topic> topics) {
        return joinOrNone(topics.stream().sorted().map(PageHtml::topic).toList());
    }

    static String flagNames(Collection<Flag> flags) {
        return flagNames(flags, false);
    }

    /** As {@link #flagNames(Collection)}, SAFETY reading 安全（疑似） when only a described situation raised it. */
    static String flagNames(Collection<Flag> flags, boolean safetySuspected) {
        return joinOrNone(flags.stream().sorted().map(f -> f == Flag.SAFETY && safetySuspected ? t("flag.SAFETY.suspected") : flag(f)).toList());
    }

    /** Flag badges, already HTML; a dash when there are none. */
    static String flagBadges(Set<Flag> flags) {
        return flagBadges(flags, false);
    }

    /** As {@link #flagBadges(Set)}, the SAFETY badge reading 安全（疑似） when no teacher has confirmed it yet. */
    static String flagBadges(Set<Flag> flags, boolean safetySuspected) {
        if (flags.isEmpty()) return h("dash");
        return flags.stream().sorted().map(f -> "<span class=\"flag flag-" + f.name() + "\">"
                        + Html.escape(f == Flag.SAFETY && safetySuspected ? t("flag.SAFETY.suspected") : flag(f)) + "</span>")
                .collect(Collectors.joining());
    }

    static String joinOrNone(List<String> items) {
        List<String> present = items.stream().filter(s -> s != null && !s.isBlank()).toList();
        return present.isEmpty() ? t("none") : String.join(t("list.sep"), present);
    }

    static String orUnassigned(String name) {
        return name == null || name.isBlank() ? t("unassigned") : name;
    }

    static String orDash(String s) {
        return s == null || s.isBlank() ? t("dash") : s;
    }

    /** "张老师（导师）" for a record's author. */
    static String author(Entry e) {
        return orDash(e.authorName()) + "（" + role(e.authorRole()) + "）";
    }

    static String followUpLine(FollowUp f) {
        return t("digest.open.item", date(f.dueOn()), orDash(f.personName()), orDash(f.text()), t("status." + f.status().name()));
    }

    /** The header row and body of a record table; rows carry {@code id="rN"} when {@code anchors}. */
    static String entryTable(List<Entry> entries, boolean anchors) {
        StringBuilder html = new StringBuilder("<div class=\"wrap\"><table><thead><tr>");
        for (String col : List.of("col.date", "col.author", "col.kind", "col.topics", "col.flags", "col.note")) {
            html.append("<th>").append(h(col)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (Entry e : entries) {
            html.append(anchors ? "<tr id=\"r" + e.recordId() + "\">" : "<tr>")
                    .append("<td>").append(Html.escape(date(e.date()))).append("</td>")
                    .append("<td>").append(Html.escape(author(e))).append("</td>")
                    .append("<td>").append(Html.escape(kind(e))).append("</td>")
                    .append("<td>").append(Html.escape(topics(e.topics()))).append("</td>")
                    .append("<td>").append(flagBadges(e.flags(), e.safetySuspected())).append("</td>")
                    .append("<td><p>").append(Html.escape(orDash(e.note()))).append("</p>");
            if (e.followUp() != null) {
                html.append("<p class=\"meta\">").append(h("growth.followUp", date(e.followUp()))).append("</p>");
            }
            html.append("</td></tr>");
        }
        return html.append("</tbody></table></div>").toString();
    }

    /** A paragraph with a fixed string. */
    static String p(String key, Object... args) {
        return "<p>" + h(key, args) + "</p>";
    }
}
