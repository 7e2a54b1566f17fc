package app.mentorbot.adapters.api.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Deterministic hostile input: every value comes from one seeded {@link Random}, so a failing run is
 * replayed with {@code -Dfuzz.seed=<the printed seed>}. Strings mix what chat users and attackers
 * send: random bytes decoded as UTF-8 (invalid sequences), lone surrogates, control characters,
 * right-to-left marks, emoji, SQL and HTML/script fragments, empty and whitespace-only text, huge text,
 * and real notes with all of the above spliced in. JSON comes well-formed with wrong types, deeply
 * nested, huge, or broken.
 *
 * <p>Shared with the other modules' fuzz tests through this module's test-jar.
 */
public final class Hostile {
    /** The seed of this run: -Dfuzz.seed, else the time; printed so a failure can be replayed. */
    public static long seed(String surface) {
        return seed(surface, System.nanoTime());
    }

    /** The seed of this run: -Dfuzz.seed, else the fallback (a fixed one keeps the small runs of the normal build stable). */
    public static long seed(String surface, long fallback) {
        String given = System.getProperty("fuzz.seed");
        long seed = given == null || given.isBlank() ? fallback : Long.parseLong(given.trim());
        System.out.println("[fuzz] " + surface + ": seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        return seed;
    }

    /** Inputs per surface: -Dfuzz.n, else the given default. */
    public static int n(int fallback) {
        String given = System.getProperty("fuzz.n");
        return given == null || given.isBlank() ? fallback : Integer.parseInt(given.trim());
    }

    public static final List<String> SQL = List.of("'; drop table record; --", "' or '1'='1", "1; delete from inbound_message",
            "\\'; select pg_sleep(5); --", "$$; truncate person; $$", "%' and 1=1 --", "_%\\", "\" or \"\"=\"",
            "') union select password from pg_shadow --", "E'\\x00'", "::text", "/* */", "'||(select current_user)||'");
    public static final List<String> HTML = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "javascript:alert(1)", "\"><svg onload=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
            "</textarea><script>alert(document.cookie)</script>", "<iframe src=javascript:alert(1)>",
            "<body onload=alert(1)>", "'\"><img src=1 onerror=prompt(1)>", "<SCRIPT SRC=//evil/x.js></SCRIPT>",
            "<scr<script>ipt>alert(1)</script>", "&lt;script&gt;", "<!--", "]]>", "<![CDATA[x]]>", "&#60;script&#62;",
            "<style>*{display:none}</style>", "{{7*7}}", "${7*7}", "#{7*7}", "<%= 7*7 %>");
    public static final List<String> CONTROL = List.of("\u0000", "\u0001", "\u0007", "\b", "\t", "\n", "\r", "\r\n", "\u000b",
            "\f", "\u001b[31m", "\u007f", "\u0085", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff");
    public static final List<String> RTL = List.of("\u202e", "\u202d", "\u200f", "\u200e", "\u2066", "\u2067", "\u2069",
            "\u061c", "مرحبا بالعالم", "שלום עולם", "\u202eﾟ名学生", "\u202bمعلم\u202c");
    public static final List<String> EMOJI = List.of("😀", "👨‍👩‍👧‍👦", "🇨🇳", "👍🏽", "❤️", "🧑🏻‍🏫", "\ud83d\ude00\ufe0f",
            "🏳️‍🌈", "\u2764\ufe0f\u200d\ud83d\udd25", "🀄", "𠮷", "𪚥", "⼀⼁");
    public static final List<String> WHITESPACE = List.of("", " ", "   ", "\t", "\n", "\u3000", "\u00a0", "\u200b", "\u2003",
            " \n\t\u3000 ", "\u180e", "\u2060", "\u200b\u200b\u200b");
    public static final List<String> NOTES = List.of("今天下午和张小明单独谈心，他最近数学成绩下滑，下周三再跟进一下",
            "给李华爸爸打了电话，聊了期中考试的情况", "和王子轩聊了一下他的选科", "黄佳怡这两天情绪很低落",
            "提醒我周五之前交导师工作总结", "两周后再找黄佳怡聊一次", "上周五去赵磊家家访", "撤销", "帮助", "不对，是昨天",
            "改成集体交流", "还有王子轩", "删掉跟进", "跟进改到下周五", "李华最近的记录", "我这周还有谁没谈过",
            "本学期家长联系情况", "绑定码 李华爸爸", "绑定 483920", "回复李华爸爸 好的", "1", "都是", "换孩子",
            "和李同学聊了", "陈思雨说有同学欺负她", "周文打架了", "Talked with Li Hua today");
    public static final List<String> ODD = List.of("null", "true", "NaN", "-0", "1e309", "9223372036854775808", "%s%n%x{0}",
            "${jndi:ldap://x/a}", "../../../../etc/passwd", "C:\\Windows\\win.ini", "\\u0000", "%00", "%ff%fe",
            "\\", "\"", "'", "`", "{}", "[]", "<xml/>", "&amp;", "a=b&c=d", "#", "?", "/", "//");

    public final Random random;

    public Hostile(long seed) {
        this.random = new Random(seed);
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    public <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** One hostile string; usually short, sometimes huge. */
    public String text() {
        return switch (random.nextInt(16)) {
            case 0 -> pick(WHITESPACE);
            case 1 -> utf8Garbage(random.nextInt(200));
            case 2 -> latin1Garbage(random.nextInt(200));
            case 3 -> surrogates();
            case 4 -> splice(pick(NOTES), pick(CONTROL));
            case 5 -> splice(pick(NOTES), pick(RTL));
            case 6 -> splice(pick(NOTES), pick(EMOJI)) + pick(EMOJI);
            case 7 -> splice(pick(NOTES), pick(SQL));
            case 8 -> splice(pick(NOTES), pick(HTML));
            case 9 -> pick(SQL) + pick(HTML);
            case 10 -> huge();
            case 11 -> pick(ODD);
            case 12 -> codePoints(1 + random.nextInt(60));
            case 13 -> pick(NOTES);
            case 14 -> mix(2 + random.nextInt(6));
            default -> pick(EMOJI).repeat(1 + random.nextInt(50));
        };
    }

    /** Several hostile pieces run together. */
    public String mix(int pieces) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            s.append(switch (random.nextInt(8)) {
                case 0 -> pick(NOTES);
                case 1 -> pick(SQL);
                case 2 -> pick(HTML);
                case 3 -> pick(CONTROL);
                case 4 -> pick(RTL);
                case 5 -> pick(EMOJI);
                case 6 -> pick(WHITESPACE);
                default -> pick(ODD);
            });
        }
        return s.toString();
    }

    public String splice(String base, String insert) {
        int at = random.nextInt(base.length() + 1);
        return base.substring(0, at) + insert + base.substring(at);
    }

    /** Random bytes read as UTF-8: invalid sequences become U+FFFD, as a lenient reader would make them. */
    public String utf8Garbage(int length) {
        return new String(bytes(length), StandardCharsets.UTF_8);
    }

    public String latin1Garbage(int length) {
        return new String(bytes(length), StandardCharsets.ISO_8859_1);
    }

    public byte[] bytes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    /** Lone and reversed surrogates: not valid UTF-16, cannot be encoded as UTF-8. */
    public String surrogates() {
        StringBuilder s = new StringBuilder("和张小明");
        for (int i = 0; i < 1 + random.nextInt(5); i++) {
            s.append(switch (random.nextInt(3)) {
                case 0 -> (char) (0xD800 + random.nextInt(0x400));
                case 1 -> (char) (0xDC00 + random.nextInt(0x400));
                default -> "\udc00\ud800";
            });
        }
        return s.append("谈心").toString();
    }

    /** Random code points from the whole range (unassigned, private use, supplementary). */
    public String codePoints(int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int cp = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> 0x4E00 + random.nextInt(0x5200);
                case 2 -> random.nextInt(0x110000);
                default -> 0x1F300 + random.nextInt(0x300);
            };
            if (cp >= 0xD800 && cp <= 0xDFFF) cp = 'x';
            s.appendCodePoint(cp);
        }
        return s.toString();
    }

    /** Around the 4,000-character limit, or far beyond it. */
    public String huge() {
        int length = switch (random.nextInt(5)) {
            case 0 -> 3999;
            case 1 -> 4000;
            case 2 -> 4001;
            case 3 -> 10_000 + random.nextInt(30_000);
            default -> 1000 + random.nextInt(3000);
        };
        String unit = pick(List.of("很", "a", "😀", "<script>", "'", "\u202e"));
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) s.append(unit);
        return s.substring(0, length);
    }

    /** JSON string literal of s (escaping quotes, backslashes and control characters; lone surrogates as \\u). */
    public static String quote(String s) {
        StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') q.append('\\').append(c);
            else if (c < 0x20 || Character.isSurrogate(c)) q.append(String.format("\\u%04x", (int) c));
            else q.append(c);
        }
        return q.append('"').toString();
    }

    /** A random JSON value of any type, as text (well-formed). */
    public String jsonValue(int depth) {
        int kind = depth <= 0 ? random.nextInt(6) : random.nextInt(8);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> pick(List.of("0", "-1", "42", "1.5", "1e309", "-1e-400", "123456789012345678901234567890",
                    "9223372036854775807", "-9223372036854775808", "17000000000000", "1700000000.000200"));
            case 3, 4, 5 -> quote(text());
            case 6 -> {
                StringBuilder a = new StringBuilder("[");
                for (int i = 0, n = random.nextInt(4); i < n; i++) a.append(i > 0 ? "," : "").append(jsonValue(depth - 1));
                yield a.append(']').toString();
            }
            default -> {
                StringBuilder o = new StringBuilder("{");
                for (int i = 0, n = random.nextInt(4); i < n; i++) {
                    o.append(i > 0 ? "," : "").append(quote(random.nextBoolean() ? pick(List.of("id", "text", "type", "data")) : text()))
                            .append(':').append(jsonValue(depth - 1));
                }
                yield o.append('}').toString();
            }
        };
    }

    /** JSON nested far deeper than any parser should follow. */
    public String deepJson() {
        int depth = 500 + random.nextInt(random.nextBoolean() ? 2_000 : 20_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return open.repeat(depth) + "1" + (random.nextInt(10) == 0 ? "" : close.repeat(depth));
    }

    /** Broken JSON: cut, with comments, trailing commas, bad escapes, NaN, or just noise. */
    public String brokenJson(String good) {
        return switch (random.nextInt(9)) {
            case 0 -> good.substring(0, random.nextInt(Math.max(1, good.length())));
            case 1 -> "/* x */" + good;
            case 2 -> good.replaceFirst("}$", ",}");
            case 3 -> good.replaceFirst("\"", "\"\\u12");
            case 4 -> good.replace(":", ":NaN,\"x\":");
            case 5 -> "'" + good + "'";
            case 6 -> good + good;
            case 7 -> utf8Garbage(1 + random.nextInt(100));
            default -> flip(good);
        };
    }

    /** The text with a few characters replaced by random ones. */
    public String flip(String s) {
        if (s.isEmpty()) return s;
        char[] c = s.toCharArray();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) c[random.nextInt(c.length)] = (char) random.nextInt(0x3000);
        return new String(c);
    }
}
