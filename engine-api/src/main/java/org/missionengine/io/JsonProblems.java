package org.missionengine.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.Problem;
import org.missionengine.UserErrorException;
import org.missionengine.internal.ClosestName;

/** Turns Jackson's exceptions into problems a user can act on: where (JSON path or line), what, and how to fix it. */
final class JsonProblems {
    private JsonProblems() {
    }

    static Problem syntax(JsonProcessingException e, String fileName) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? null : at.getLineNr() + ":" + at.getColumnNr();
        return new Problem(fileName, where, "not valid " + (Json.isYaml(fileName) ? "YAML" : "JSON") + ": "
                + e.getOriginalMessage(), "Fix the syntax at that line (a missing comma, quote or bracket?).");
    }

    static UserErrorException binding(Exception e, String fileName) {
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof UserErrorException user) {
                // the records' own cross-reference checks: already located by JSON path
                return new InvalidPortfolioException(user.problems()).inFile(fileName);
            }
            cause = cause.getCause();
        }
        String path = e instanceof JsonMappingException m ? path(m.getPath()) : "$";
        return new InvalidPortfolioException(List.of(problem(e, path, fileName)));
    }

    private static Problem problem(Exception e, String path, String fileName) {
        if (e instanceof UnrecognizedPropertyException u) {
            Collection<String> known = new ArrayList<>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            }
            return new Problem(fileName, path, "unknown field \"" + u.getPropertyName() + "\"",
                    ClosestName.hint(u.getPropertyName(), known));
        }
        if (e instanceof InvalidFormatException f) {
            Class<?> type = f.getTargetType();
            String hint;
            if (type != null && type.isEnum()) {
                List<String> names = Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
                hint = ClosestName.hint(String.valueOf(f.getValue()), names);
                hint = hint.startsWith("Did") ? hint + " Allowed: " + String.join(", ", names) + "."
                        : "Allowed: " + String.join(", ", names) + ".";
            } else if (type == java.time.LocalDate.class) {
                hint = "Write dates as ISO-8601: 2030-12-31.";
            } else {
                hint = "Expected " + describe(type) + ".";
            }
            return new Problem(fileName, path, "cannot read " + quote(f.getValue()) + " as " + describe(type), hint);
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return new Problem(fileName, path, v.getCause().getMessage(), "Fix the value in the file.");
        }
        if (e instanceof MismatchedInputException m) {
            Class<?> type = m.getTargetType();
            if (m.getCause() instanceof java.time.DateTimeException) {
                return new Problem(fileName, path, "not a valid date: " + m.getCause().getMessage(),
                        "Write dates as ISO-8601: 2030-12-31.");
            }
            return new Problem(fileName, path, "expected " + describe(type) + " here", "Check the type of the value: "
                    + firstLine(m.getOriginalMessage()));
        }
        if (e instanceof DatabindException d) {
            Throwable root = rootCause(d);
            return new Problem(fileName, path, firstLine(root.getMessage() != null ? root.getMessage()
                    : d.getOriginalMessage()), "Fix the value in the file.");
        }
        if (e instanceof IllegalArgumentException) {
            return new Problem(fileName, path, e.getMessage(), "Fix the value in the file.");
        }
        return new Problem(fileName, path, firstLine(e.getMessage()), null);
    }

    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            }
        }
        return sb.length() == 0 ? "$" : sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == java.time.LocalDate.class) {
            return "a date";
        }
        if (type == double.class || type == Double.class || Number.class.isAssignableFrom(type)
                || type == int.class || type == long.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "an object (" + type.getSimpleName() + ")";
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid value";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
