package dev.netscale.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A spec with one or more problems; the message lists them all, one per line. */
public class SpecException extends RuntimeException {
    private final List<SpecProblem> problems;

    public SpecException(List<SpecProblem> problems) {
        super(problems.stream().map(SpecProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<SpecProblem> problems() {
        return problems;
    }
}
