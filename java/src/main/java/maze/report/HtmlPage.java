package maze.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One self-contained HTML page: inline CSS, an inline SVG treemap, tables, and a few lines of
 * script (no network, no external file). Text from a core (type names, paths) is escaped. The
 * script marks the root element {@code data-maze-page="ready"} once it ran, and
 * {@code data-maze-error} if any script failed, so a headless browser can tell it rendered.
 */
public final class HtmlPage {
    private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222;background:#fff}"
            + "h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.5em}"
            + "table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left}"
            + "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}tr.hit{background:#ffe9a8}"
            + "svg{width:100%;max-width:1200px;height:auto;border:1px solid #ccc}"
            + "svg text{font:12px sans-serif;fill:#111;pointer-events:none}svg rect{stroke:#fff;stroke-width:1}"
            + ".warn{color:#a40000}dt{font-weight:600;float:left;clear:left;width:11em}dd{margin-left:12em}";
    private static final String ERRORS = "window.addEventListener('error',function(){"
            + "document.documentElement.setAttribute('data-maze-error','yes');});";
    private static final String READY = "(function(){var cells=document.querySelectorAll('svg rect[data-type]');"
            + "cells.forEach(function(r){r.addEventListener('click',function(){"
            + "document.querySelectorAll('tr.hit').forEach(function(t){t.classList.remove('hit');});"
            + "document.querySelectorAll('tr[data-type]').forEach(function(t){"
            + "if(t.getAttribute('data-type')===r.getAttribute('data-type')){t.classList.add('hit');t.scrollIntoView();}});});});"
            + "document.documentElement.setAttribute('data-maze-cells',String(cells.length));"
            + "document.documentElement.setAttribute('data-maze-page','ready');})();";
    public static final double WIDTH = 1200;
    public static final double HEIGHT = 560;

    private final StringBuilder html = new StringBuilder(1 << 16);

    public HtmlPage(String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">")
                .append("<title>").append(escape(title)).append("</title><style>").append(STYLE)
                .append("</style><script>").append(ERRORS).append("</script></head><body>\n<h1>")
                .append(escape(title)).append("</h1>\n");
    }

    public HtmlPage heading(String text) {
        html.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlPage paragraph(String text, boolean warning) {
        html.append(warning ? "<p class=\"warn\">" : "<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** Label and value pairs. */
    public HtmlPage definitions(List<String[]> pairs) {
        html.append("<dl>");
        for (String[] p : pairs) {
            html.append("<dt>").append(escape(p[0])).append("</dt><dd>").append(escape(p[1])).append("</dd>");
        }
        html.append("</dl>\n");
        return this;
    }

    public HtmlPage list(List<String> items, boolean warning) {
        html.append(warning ? "<ul class=\"warn\">" : "<ul>");
        for (String i : items) {
            html.append("<li>").append(escape(i)).append("</li>");
        }
        html.append("</ul>\n");
        return this;
    }

    /** The cells as SVG rectangles, named in a tooltip and (where they fit) in the cell. */
    public HtmlPage treemap(List<Treemap.Cell> cells, String unit) {
        return treemap("treemap", cells, HEIGHT, unit);
    }

    /** The same in an SVG of id {@code id}, {@code height} high (cells laid out for it). */
    public HtmlPage treemap(String id, List<Treemap.Cell> cells, double height, String unit) {
        html.append("<svg id=\"").append(escape(id)).append("\" viewBox=\"0 0 ")
                .append(num(WIDTH)).append(' ').append(num(height)).append("\" role=\"img\">");
        for (Treemap.Cell c : cells) {
            String label = escape(c.label());
            html.append("<g><rect data-type=\"").append(label).append("\" x=\"").append(num(c.x())).append("\" y=\"")
                    .append(num(c.y())).append("\" width=\"").append(num(c.w())).append("\" height=\"").append(num(c.h()))
                    .append("\" fill=\"").append(color(c.label(), c.others() > 0)).append("\"><title>").append(label).append(": ")
                    .append(escape(Sizes.human(c.value()))).append(' ').append(escape(unit)).append("</title></rect>");
            int chars = (int) ((c.w() - 6) / 7);
            if (c.h() >= 16 && chars >= 4) {
                String shown = c.label().length() <= chars ? c.label() : c.label().substring(0, chars - 1) + "…";
                html.append("<text x=\"").append(num(c.x() + 3)).append("\" y=\"").append(num(c.y() + 13)).append("\">")
                        .append(escape(shown)).append("</text>");
                if (c.h() >= 30) {
                    html.append("<text x=\"").append(num(c.x() + 3)).append("\" y=\"").append(num(c.y() + 27)).append("\">")
                            .append(escape(Sizes.human(c.value()))).append("</text>");
                }
            }
            html.append("</g>");
        }
        html.append("</svg>\n");
        return this;
    }

    /**
     * A line chart: one polyline per series (values at evenly spaced points named by
     * {@code points}), a legend below in the series' treemap colors.
     */
    public HtmlPage lines(List<String> labels, List<long[]> series, List<String> points) {
        double w = WIDTH;
        double h = 260;
        double left = 10;
        double top = 10;
        long max = 1;
        for (long[] v : series) {
            for (long x : v) {
                max = Math.max(max, x);
            }
        }
        html.append("<svg id=\"series\" viewBox=\"0 0 ").append(num(w)).append(' ').append(num(h + 30)).append("\">");
        double step = points.size() < 2 ? 0 : (w - 2 * left) / (points.size() - 1);
        for (int i = 0; i < points.size(); i++) {
            html.append("<text x=\"").append(num(left + i * step - (i == points.size() - 1 ? 40 : 0))).append("\" y=\"")
                    .append(num(h + 22)).append("\">").append(escape(points.get(i))).append("</text>");
        }
        for (int k = 0; k < series.size(); k++) {
            StringBuilder pts = new StringBuilder();
            long[] v = series.get(k);
            for (int i = 0; i < v.length; i++) {
                pts.append(num(left + i * step)).append(',').append(num(top + (h - top) * (1 - (double) v[i] / max))).append(' ');
            }
            html.append("<polyline data-type=\"").append(escape(labels.get(k))).append("\" fill=\"none\" stroke-width=\"3\" stroke=\"")
                    .append(color(labels.get(k), false)).append("\" points=\"").append(pts.toString().strip())
                    .append("\"><title>").append(escape(labels.get(k))).append("</title></polyline>");
        }
        html.append("</svg>\n<ul>");
        for (String label : labels) {
            html.append("<li><span style=\"color:").append(color(label, false)).append("\">&#9632;</span> ")
                    .append(escape(label)).append("</li>");
        }
        html.append("</ul>\n");
        return this;
    }

    /**
     * A table; {@code numeric[i]}: column i is right-aligned. {@code typeColumn} (or -1) names the
     * column whose text a treemap cell's click finds.
     */
    public HtmlPage table(String[] header, List<String[]> rows, boolean[] numeric, int typeColumn) {
        html.append("<table><thead><tr>");
        for (int i = 0; i < header.length; i++) {
            html.append(numeric[i] ? "<th class=\"n\">" : "<th>").append(escape(header[i])).append("</th>");
        }
        html.append("</tr></thead><tbody>\n");
        for (String[] r : rows) {
            html.append(typeColumn < 0 ? "<tr>" : "<tr data-type=\"" + escape(r[typeColumn]) + "\">");
            for (int i = 0; i < r.length; i++) {
                html.append(numeric[i] ? "<td class=\"n\">" : "<td>").append(escape(r[i])).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
        return this;
    }

    /** Ends the page and writes it as UTF-8. */
    public void write(OutputStream out) throws IOException {
        html.append("<script>").append(READY).append("</script>\n</body></html>\n");
        out.write(html.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Text for HTML content and quoted attributes; control characters become U+FFFD. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\t' || c == 0x7f ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    private static String num(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    /** A stable color per label, the same in the treemap and the chart; a summed tail is grey. */
    private static String color(String label, boolean tail) {
        if (tail) {
            return "#bbbbbb";
        }
        int hue = Math.floorMod(label.hashCode() * 0x9E3779B1, 360);
        return "hsl(" + hue + ",55%,62%)";
    }
}
