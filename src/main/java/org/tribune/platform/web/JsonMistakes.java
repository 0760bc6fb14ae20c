package org.tribune.platform.web;

import java.util.List;

import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.tribune.platform.InvalidInput;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/** Says, field by field, what was wrong with a JSON body, in the same form as every other invalid input. */
final class JsonMistakes {
    private JsonMistakes() {
    }

    static InvalidInput explain(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return InvalidInput.of(path(unknown), "json.unknown-field", unknown.getPropertyName());
        }
        if (cause instanceof InvalidNullException || cause instanceof MismatchedInputException mismatch && isNull(mismatch)) {
            return InvalidInput.of(path((JacksonException) cause), "json.null");
        }
        if (cause instanceof ValueInstantiationException refused) {
            return InvalidInput.of(path(refused), "json.invalid-value");
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return InvalidInput.of(path(mismatch), "json.wrong-type");
        }
        if (cause instanceof StreamReadException || cause instanceof JacksonException) {
            return InvalidInput.of("", "json.malformed");
        }
        return InvalidInput.of("", "json.body-required");
    }

    /** A null where the type has no null (a boolean, a number): said as such rather than as a wrong type. */
    private static boolean isNull(MismatchedInputException e) {
        if (e.processor() instanceof JsonParser parser && parser.currentToken() == JsonToken.VALUE_NULL) {
            return true;
        }
        String message = e.getOriginalMessage();
        return message != null && message.contains("`null`");
    }

    static InvalidInput explain(MethodArgumentNotValidException e) {
        List<InvalidInput.Problem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(JsonMistakes::problem).toList();
        return problems.isEmpty() ? InvalidInput.of("", "json.invalid-value") : new InvalidInput(problems);
    }

    private static InvalidInput.Problem problem(FieldError error) {
        String code = "NotNull".equals(error.getCode()) ? "json.required" : "json.invalid-value";
        return new InvalidInput.Problem(error.getField(), code, List.of());
    }

    /** The field as a client writes it: {@code sources[0]}, {@code group.name}. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference step : e.getPath()) {
            if (step.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
