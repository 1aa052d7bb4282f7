package dev.lalaland.bot.quiz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws the final podium of a quiz night as a PNG: the top three on gold, silver and bronze steps
 * under a starry Los Angeles night sky. Java2D only, headless (the bot has no display).
 */
public final class PodiumImage {
    public static final int WIDTH = 800;
    public static final int HEIGHT = 450;
    private static final Color SKY_TOP = new Color(0x1B1D4A);
    private static final Color SKY_BOTTOM = new Color(0x7B4FA0);
    private static final Color[] STEP_COLORS = {new Color(0xD4AF37), new Color(0xC0C0C8), new Color(0xCD7F32)};
    private static final int[] STEP_HEIGHTS = {190, 140, 100};
    private static final int MAX_NAME_WIDTH = 220;

    static {
        // Rendering must never look for a display, whatever the launcher forgot to set.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private PodiumImage() {
    }

    /** The podium for up to three players, best first; an empty list draws an empty stage. */
    public static byte[] render(List<Standing> top) {
        return render(top, "La La Land quiz night");
    }

    /** As {@link #render(List)}, with another heading (a week's or a month's podium). */
    public static byte[] render(List<Standing> top, String heading) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            drawSky(g);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
            centered(g, fit(g, heading, WIDTH - 80), WIDTH / 2, 52);
            // Steps left to right: second, first, third, as on a real podium.
            int[] order = {1, 0, 2};
            int stepWidth = 230;
            int left = (WIDTH - 3 * stepWidth) / 2;
            for (int slot = 0; slot < 3; slot++) {
                int place = order[slot];
                int x = left + slot * stepWidth;
                int height = STEP_HEIGHTS[place];
                int y = HEIGHT - height;
                g.setColor(STEP_COLORS[place]);
                g.fill(new RoundRectangle2D.Double(x + 6, y, stepWidth - 12, height + 20, 18, 18));
                g.setColor(new Color(0x2B2D6E));
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 56));
                centered(g, String.valueOf(place + 1), x + stepWidth / 2, y + 70);
                if (place < top.size()) {
                    Standing s = top.get(place);
                    g.setColor(Color.WHITE);
                    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
                    centered(g, fit(g, s.displayName(), MAX_NAME_WIDTH), x + stepWidth / 2, y - 40);
                    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
                    centered(g, s.points() + " points", x + stepWidth / 2, y - 14);
                }
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private static void drawSky(Graphics2D g) {
        g.setPaint(new GradientPaint(0, 0, SKY_TOP, 0, HEIGHT, SKY_BOTTOM));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        Random stars = new Random(1);   // the same sky every night
        g.setColor(new Color(255, 255, 255, 180));
        for (int i = 0; i < 70; i++) {
            double size = 1 + stars.nextDouble() * 2.5;
            g.fill(new Ellipse2D.Double(stars.nextInt(WIDTH), stars.nextInt(HEIGHT - 120), size, size));
        }
        g.setColor(new Color(0xF2C84B));
        g.setStroke(new BasicStroke(3));
        g.drawLine(WIDTH / 2 - 170, 66, WIDTH / 2 + 170, 66);
    }

    private static void centered(Graphics2D g, String text, int centerX, int baseline) {
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, centerX - m.stringWidth(text) / 2, baseline);
    }

    /** Shortens a long display name with an ellipsis so it stays over its own step. */
    private static String fit(Graphics2D g, String name, int maxWidth) {
        FontMetrics m = g.getFontMetrics();
        if (m.stringWidth(name) <= maxWidth) {
            return name;
        }
        String cut = name;
        while (!cut.isEmpty() && m.stringWidth(cut + "…") > maxWidth) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut + "…";
    }
}
