package org.tribune.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Input that breaks a rule; each problem names the field and a message key, so pages and API can explain it. */
public class InvalidInput extends RuntimeException {

    /** Serializable, because form errors travel in the session across a redirect. */
    public record Problem(String field, String code, List<Object> args) implements java.io.Serializable {
        public Problem {
            args = List.copyOf(args);
        }
    }

    private final List<Problem> problems;

    public InvalidInput(List<Problem> problems) {
        super("invalid input: " + problems.stream().map(p -> p.field() + "=" + p.code()).collect(Collectors.joining(", ")));
        this.problems = List.copyOf(problems);
    }

    public static InvalidInput of(String field, String code, Object... args) {
        return new InvalidInput(List.of(new Problem(field, code, List.of(args))));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The first problem of each field, for a form to show beside it. */
    public Map<String, Problem> byField() {
        return problems.stream().collect(Collectors.toMap(Problem::field, p -> p, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** Collects problems and throws them together, so a form shows every mistake at once. */
    public static final class Collector {
        private final List<Problem> problems = new ArrayList<>();

        public Collector add(String field, String code, Object... args) {
            problems.add(new Problem(field, code, List.of(args)));
            return this;
        }

        public boolean has(String field) {
            return problems.stream().anyMatch(p -> p.field().equals(field));
        }

        public void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
        }
    }
}
