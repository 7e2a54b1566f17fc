package app.mentorbot.bot.web;

import org.springframework.http.MediaType;

/** The few pieces of server-rendered HTML; everything that came from people goes through {@link #escape}. */
final class Html {
    /** What every page says it is (a bare text/html would leave the browser to guess the charset). */
    static final String TYPE = "text/html;charset=UTF-8";
    static final MediaType MEDIA_TYPE = MediaType.parseMediaType(TYPE);

    private Html() {}

    static String escape(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String head(String title) {
        return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title) + "</title>"
                + "<style>body{font-family:system-ui,-apple-system,\"PingFang SC\",\"Microsoft YaHei\",sans-serif;max-width:46rem;"
                + "margin:0 auto;padding:1rem;color:#1f2d27}h1{font-size:1.3rem}.records li{margin:.6rem 0}"
                + ".date{color:#55645d}.kind{font-size:.8rem;background:#e7efe9;border-radius:4px;padding:0 .3rem}"
                + "p{margin:.2rem 0;white-space:pre-wrap}@media print{body{max-width:none}}</style></head><body>";
    }

    static String foot() {
        return "</body></html>";
    }
}
