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

    /** The app's icon, a speech bubble, inline so it needs no request ({@code img-src data:} in {@link ContentPolicy}). */
    static final String ICON = "<link rel=\"icon\" href=\"data:image/svg+xml,%3Csvg xmlns=%27http://www.w3.org/2000/svg%27 viewBox=%270 0 32 32%27%3E%3Crect width=%2732%27 height=%2732%27 rx=%277%27 fill=%27%231f6f4a%27/%3E%3Cpath d=%27M8 10h16v10H14l-5 4v-4H8z%27 fill=%27%23fff%27/%3E%3C/svg%3E\">";

    static String head(String title) {
        return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title) + "</title>" + ICON
                + "<style>body{font-family:system-ui,-apple-system,\"PingFang SC\",\"Microsoft YaHei\",sans-serif;max-width:46rem;"
                + "margin:0 auto;padding:1rem;color:#1f2d27}h1{font-size:1.3rem}.records li{margin:.6rem 0}"
                + ".date{color:#55645d}.kind{font-size:.8rem;background:#e7efe9;border-radius:4px;padding:0 .3rem}"
                + "p{margin:.2rem 0;white-space:pre-wrap}@media print{body{max-width:none}}</style></head><body>";
    }

    static String foot() {
        return "</body></html>";
    }
}
