package dev.lalaland.bot.facts;

import java.util.List;

/** The data files have problems; start-up and {@code check-data} list them all and exit 2. */
public class DataValidationException extends RuntimeException {
    private final List<DataProblem> problems;

    public DataValidationException(List<DataProblem> problems) {
        super(problems.size() + " problem(s) in the data files", null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<DataProblem> problems() {
        return problems;
    }
}
