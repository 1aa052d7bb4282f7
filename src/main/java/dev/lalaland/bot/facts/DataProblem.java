package dev.lalaland.bot.facts;

/** One thing wrong in a data file, located by file and JSON path ({@code $.people[3].born}). */
public record DataProblem(String file, String path, String message) {

    @Override
    public String toString() {
        return file + " " + path + ": " + message;
    }
}
