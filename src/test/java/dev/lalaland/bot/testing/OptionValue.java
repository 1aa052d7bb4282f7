package dev.lalaland.bot.testing;

/**
 * An explicitly typed slash-command option value. Plain values in an options map are typed
 * automatically (String 3, Integer/Long 4, Boolean 5, Double/Float 10); use these for the rest.
 * User, channel and role options also get the {@code resolved} objects JDA expects.
 */
public record OptionValue(int type, Object value) {
    public static final int STRING = 3;
    public static final int INTEGER = 4;
    public static final int BOOLEAN = 5;
    public static final int USER = 6;
    public static final int CHANNEL = 7;
    public static final int ROLE = 8;
    public static final int NUMBER = 10;

    public static OptionValue string(String value) {
        return new OptionValue(STRING, value);
    }

    public static OptionValue integer(long value) {
        return new OptionValue(INTEGER, value);
    }

    public static OptionValue number(double value) {
        return new OptionValue(NUMBER, value);
    }

    public static OptionValue bool(boolean value) {
        return new OptionValue(BOOLEAN, value);
    }

    public static OptionValue user(String userId) {
        return new OptionValue(USER, userId);
    }

    public static OptionValue channel(String channelId) {
        return new OptionValue(CHANNEL, channelId);
    }

    public static OptionValue role(String roleId) {
        return new OptionValue(ROLE, roleId);
    }

    static OptionValue of(Object value) {
        if (value instanceof OptionValue v) {
            return v;
        }
        if (value instanceof String s) {
            return string(s);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return integer(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return number(((Number) value).doubleValue());
        }
        if (value instanceof Boolean b) {
            return bool(b);
        }
        throw new IllegalArgumentException("unsupported option value " + value + " (" + value.getClass() + ")");
    }
}
