package dev.lalaland.bot.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A small line chart written as a PNG with plain {@code java.awt}, for the benchmark's growth
 * curves: labelled axes from zero, a legend, each point's spread as a bar (lowest to highest run)
 * and an optional label beside it. Runs headless.
 */
final class LineChart {
    /** One measured point: {@code y} is the median, {@code low}..{@code high} the spread of the runs. */
    record Point(double x, double y, double low, double high, String label) {
        static Point of(double x, double y) {
            return new Point(x, y, y, y, null);
        }
    }

    /** A line through its points; a dashed one is a reference (a limit), not a measurement. */
    record Series(String name, Color color, boolean dashed, List<Point> points) {
    }

    private static final int MARGIN_LEFT = 90;
    private static final int MARGIN_RIGHT = 30;
    private static final int MARGIN_TOP = 50;
    private static final int MARGIN_BOTTOM = 70;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();

    LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    LineChart add(Series s) {
        series.add(s);
        return this;
    }

    /** Draws the chart and writes it to {@code file} as a PNG of {@code width} x {@code height} pixels. */
    void write(Path file, int width, int height) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = draw(width, height);
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IllegalStateException("no PNG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    BufferedImage draw(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            Plot plot = new Plot(MARGIN_LEFT, MARGIN_TOP, width - MARGIN_LEFT - MARGIN_RIGHT,
                    height - MARGIN_TOP - MARGIN_BOTTOM, niceMax(maxX()), niceMax(maxY()));
            drawAxes(g, plot);
            for (Series s : series) {
                drawSeries(g, plot, s);
            }
            drawLegend(g, plot);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, MARGIN_LEFT, 30);
        } finally {
            g.dispose();
        }
        return image;
    }

    private record Plot(int left, int top, int width, int height, double xMax, double yMax) {
        int px(double x) {
            return left + (int) Math.round(x / xMax * width);
        }

        int py(double y) {
            return top + height - (int) Math.round(y / yMax * height);
        }
    }

    private double maxX() {
        return series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::x).max().orElse(1);
    }

    private double maxY() {
        return series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> Math.max(p.y(), p.high()))
                .max().orElse(1);
    }

    /** The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at or above {@code value}, with some headroom. */
    static double niceMax(double value) {
        double v = value <= 0 ? 1 : value * 1.08;
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * power >= v) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private void drawAxes(Graphics2D g, Plot p) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        int ticks = 5;
        for (int i = 0; i <= ticks; i++) {
            double yv = p.yMax() * i / ticks;
            int y = p.py(yv);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(p.left(), y, p.left() + p.width(), y);
            g.setColor(Color.DARK_GRAY);
            String label = number(yv);
            g.drawString(label, p.left() - 8 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
            double xv = p.xMax() * i / ticks;
            int x = p.px(xv);
            g.drawLine(x, p.top() + p.height(), x, p.top() + p.height() + 5);
            String xl = number(xv);
            g.drawString(xl, x - fm.stringWidth(xl) / 2, p.top() + p.height() + 20);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(p.left(), p.top(), p.left(), p.top() + p.height());
        g.drawLine(p.left(), p.top() + p.height(), p.left() + p.width(), p.top() + p.height());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        fm = g.getFontMetrics();
        g.drawString(xLabel, p.left() + (p.width() - fm.stringWidth(xLabel)) / 2, p.top() + p.height() + 48);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(p.top() + (p.height() + fm.stringWidth(yLabel)) / 2), 24);
        g.setTransform(saved);
    }

    private static void drawSeries(Graphics2D g, Plot p, Series s) {
        g.setColor(s.color());
        g.setStroke(s.dashed()
                ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f)
                : new BasicStroke(2.5f));
        List<Point> points = s.points().stream().sorted((a, b) -> Double.compare(a.x(), b.x())).toList();
        for (int i = 1; i < points.size(); i++) {
            g.drawLine(p.px(points.get(i - 1).x()), p.py(points.get(i - 1).y()), p.px(points.get(i).x()),
                    p.py(points.get(i).y()));
        }
        g.setStroke(new BasicStroke(1.5f));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (Point pt : points) {
            int x = p.px(pt.x());
            if (!s.dashed()) {
                g.fillOval(x - 4, p.py(pt.y()) - 4, 8, 8);
            }
            if (pt.high() > pt.low()) {
                g.drawLine(x, p.py(pt.low()), x, p.py(pt.high()));
                g.drawLine(x - 5, p.py(pt.low()), x + 5, p.py(pt.low()));
                g.drawLine(x - 5, p.py(pt.high()), x + 5, p.py(pt.high()));
            }
            if (pt.label() != null) {
                int width = g.getFontMetrics().stringWidth(pt.label());
                int lx = x + 8 + width > p.left() + p.width() ? x - 8 - width : x + 8;
                g.drawString(pt.label(), lx, p.py(pt.y()) - 8);
            }
        }
    }

    private void drawLegend(Graphics2D g, Plot p) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int y = p.top() + 14;
        int x = p.left() + 14;
        for (Series s : series) {
            g.setColor(s.color());
            g.setStroke(s.dashed()
                    ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(2.5f));
            g.drawLine(x, y - 4, x + 26, y - 4);
            g.setColor(Color.BLACK);
            g.drawString(s.name(), x + 34, y);
            y += 18;
        }
    }

    static String number(double v) {
        if (v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) < 10 ? "%.1f" : "%,.0f", v);
    }
}
