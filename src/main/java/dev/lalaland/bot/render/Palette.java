package dev.lalaland.bot.render;

/** The film's colours, so every card looks like it belongs to the same bot. */
public final class Palette {
    public static final int NIGHT_BLUE = 0x2B2D6E;
    public static final int MIA_YELLOW = 0xF2C84B;
    public static final int SEB_PURPLE = 0x7B4FA0;
    public static final int WIN_GOLD = 0xD4AF37;
    public static final int ERROR_RED = 0xC0392B;

    private Palette() {
    }
}
