package dev.netscale.spec;

/**
 * One thing wrong with a spec: where (file, 1-based line, YAML path), what was found and what
 * would be accepted.
 */
public record SpecProblem(String file, int line, String path, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + path + ": " + message;
    }
}
