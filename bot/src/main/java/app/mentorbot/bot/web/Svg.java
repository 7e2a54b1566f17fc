package app.mentorbot.bot.web;

import java.util.List;
import java.util.Locale;

/**
 * Small inline SVG charts that print and need no JavaScript: horizontal stacked bars (one row per
 * student or duty), a grid of counts (mentor × duty) and per-cent lines over the term's weeks. Every label is escaped; every coordinate is a
 * finite, non-negative number, also when all values are zero.
 */
final class Svg {
    static final String[] COLORS = {"#2f7d57", "#8cc5a3", "#d99a3d", "#6b8fc7", "#b5645a"};
    /** Lines take the colours furthest apart. */
    private static final int[] LINES = {0, 2, 3, 4};
    private static final int LABEL = 96;
    private static final int BAR = 220;
    private static final int ROW = 22;
    private static final int WIDTH = LABEL + BAR + 44;

    private Svg() {}

    /** One bar: a label and a value per series (values below zero count as zero). */
    record Bar(String label, int... values) {}

    /** Stacked horizontal bars with a legend; the total is written at each bar's end. */
    static String bars(String title, List<String> series, List<Bar> bars) {
        int max = 1;
        for (Bar b : bars) max = Math.max(max, total(b));
        int legend = series.size() > 1 ? ROW : 0;
        int height = legend + Math.max(1, bars.size()) * ROW + 4;
        StringBuilder svg = open(title, height);
        int step = Math.min(100, WIDTH / Math.max(1, series.size())); // four legends fit the width too
        for (int i = 0; i < series.size() && series.size() > 1; i++) {
            int x = i * step;
            svg.append("<rect x=\"").append(x).append("\" y=\"6\" width=\"10\" height=\"10\" fill=\"").append(color(i)).append("\"/>")
                    .append("<text x=\"").append(x + 14).append("\" y=\"15\">").append(Html.escape(series.get(i))).append("</text>");
        }
        for (int r = 0; r < bars.size(); r++) {
            Bar b = bars.get(r);
            int y = legend + r * ROW;
            svg.append("<text x=\"").append(LABEL - 6).append("\" y=\"").append(y + 15).append("\" text-anchor=\"end\">")
                    .append(Html.escape(clip(b.label()))).append("</text>");
            double x = LABEL;
            for (int i = 0; i < b.values().length; i++) {
                double w = (double) BAR * Math.max(0, b.values()[i]) / max;
                if (w > 0) {
                    svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(y + 4).append("\" width=\"").append(num(w))
                            .append("\" height=\"14\" fill=\"").append(color(i)).append("\"><title>").append(Html.escape(b.label()))
                            .append(' ').append(Html.escape(i < series.size() ? series.get(i) : "")).append(' ')
                            .append(Math.max(0, b.values()[i])).append("</title></rect>");
                }
                x += w;
            }
            svg.append("<text x=\"").append(num(x + 4)).append("\" y=\"").append(y + 15).append("\">").append(total(b)).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** A grid of counts: rows × columns, a cell darker the more it holds, empty cells pale with a 0. */
    static String grid(String title, List<String> columns, List<String> rows, int[][] counts) {
        int cell = Math.max(40, (WIDTH - LABEL) / Math.max(1, columns.size()));
        int width = LABEL + cell * columns.size();
        int height = ROW + Math.max(1, rows.size()) * ROW + 4;
        int max = 1;
        for (int[] row : counts) for (int n : row) max = Math.max(max, n);
        StringBuilder svg = open(title, height, width);
        for (int c = 0; c < columns.size(); c++) {
            svg.append("<text x=\"").append(LABEL + c * cell + cell / 2).append("\" y=\"15\" text-anchor=\"middle\">")
                    .append(Html.escape(columns.get(c))).append("</text>");
        }
        for (int r = 0; r < rows.size(); r++) {
            int y = ROW + r * ROW;
            svg.append("<text x=\"").append(LABEL - 6).append("\" y=\"").append(y + 15).append("\" text-anchor=\"end\">")
                    .append(Html.escape(clip(rows.get(r)))).append("</text>");
            for (int c = 0; c < columns.size(); c++) {
                int n = r < counts.length && c < counts[r].length ? Math.max(0, counts[r][c]) : 0;
                // a colour and an opacity, not rgba(): SVG 1.1 paint, which Batik draws the same in the PDF
                String fill = n == 0 ? "#f3e3df" : COLORS[0];
                String opacity = n == 0 ? "1" : num(0.25 + 0.75 * n / max);
                svg.append("<rect x=\"").append(LABEL + c * cell + 1).append("\" y=\"").append(y + 2).append("\" width=\"")
                        .append(cell - 2).append("\" height=\"").append(ROW - 4).append("\" fill=\"").append(fill)
                        .append("\" fill-opacity=\"").append(opacity).append("\"/>")
                        .append("<text x=\"").append(LABEL + c * cell + cell / 2).append("\" y=\"").append(y + 15)
                        .append("\" text-anchor=\"middle\">").append(n).append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Per-cent lines over time: one polyline per series (values 0–100, one per x label), a legend above, 0/50/100 %
     * on the left and every few x labels below. With one point a series is a dot.
     */
    static String lines(String title, List<String> series, List<String> xLabels, List<int[]> values) {
        int left = 36, top = 26, plot = 120, n = Math.max(1, xLabels.size());
        double step = n == 1 ? 0 : (double) (WIDTH - left - 12) / (n - 1);
        StringBuilder svg = open(title, top + plot + 24);
        for (int i = 0; i < series.size(); i++) {
            svg.append("<rect x=\"").append(i * 110).append("\" y=\"6\" width=\"10\" height=\"10\" fill=\"").append(COLORS[LINES[i % LINES.length]]).append("\"/>")
                    .append("<text x=\"").append(i * 110 + 14).append("\" y=\"15\">").append(Html.escape(series.get(i))).append("</text>");
        }
        for (int pct = 0; pct <= 100; pct += 50) {
            int y = top + plot - plot * pct / 100;
            svg.append("<line x1=\"").append(left).append("\" y1=\"").append(y).append("\" x2=\"").append(WIDTH - 6).append("\" y2=\"")
                    .append(y).append("\" stroke=\"#d6e0da\"/><text x=\"").append(left - 4).append("\" y=\"").append(y + 4)
                    .append("\" text-anchor=\"end\">").append(pct).append("%</text>");
        }
        int every = Math.max(1, (int) Math.ceil(n / 6.0));
        for (int x = 0; x < xLabels.size(); x += every) {
            svg.append("<text x=\"").append(num(left + x * step)).append("\" y=\"").append(top + plot + 16).append("\" text-anchor=\"middle\">")
                    .append(Html.escape(xLabels.get(x))).append("</text>");
        }
        for (int i = 0; i < values.size(); i++) {
            StringBuilder points = new StringBuilder();
            int[] v = values.get(i);
            for (int x = 0; x < v.length && x < n; x++) {
                points.append(num(left + x * step)).append(',').append(num(top + plot - plot * Math.min(100, Math.max(0, v[x])) / 100.0)).append(' ');
            }
            String pts = points.toString().strip();
            if (pts.isEmpty()) continue;
            svg.append(v.length == 1
                    ? "<circle cx=\"" + pts.substring(0, pts.indexOf(',')) + "\" cy=\"" + pts.substring(pts.indexOf(',') + 1) + "\" r=\"3\" fill=\"" + COLORS[LINES[i % LINES.length]] + "\"/>"
                    : "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"" + COLORS[LINES[i % LINES.length]] + "\" points=\"" + pts + "\"/>");
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int height) {
        return open(title, height, WIDTH);
    }

    private static StringBuilder open(String title, int height, int width) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(title)).append("\" font-size=\"12\" font-family=\"sans-serif\"><title>").append(Html.escape(title))
                .append("</title>");
    }

    private static int total(Bar b) {
        int t = 0;
        for (int v : b.values()) t += Math.max(0, v);
        return t;
    }

    private static String color(int i) {
        return COLORS[i % COLORS.length];
    }

    /** Long names are cut so they fit left of the bars; the full name stays in the bar's tooltip. */
    private static String clip(String label) {
        String s = label == null ? "" : label;
        return s.codePointCount(0, s.length()) <= 7 ? s : s.substring(0, s.offsetByCodePoints(0, 6)) + "…";
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
