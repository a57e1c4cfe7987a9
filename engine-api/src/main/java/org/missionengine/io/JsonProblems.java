package org.missionengine.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import org.missionengine.Problem;
import org.missionengine.UserErrorException;
import org.missionengine.internal.ClosestName;
import org.missionengine.model.InvalidFieldException;

/**
 * Turns Jackson's exceptions into problems a user can act on: where (JSON path, or line and column for syntax), what
 * is wrong in plain words, and how to fix it. Jackson's own wording (feature names, class names, token names) never
 * reaches the user: it names things a portfolio author cannot change.
 */
final class JsonProblems {
    static final String DATE_HINT = "Write dates as ISO-8601 text, year-month-day: \"2030-12-31\".";
    static final String NUMBER_HINT = "Write a plain number without quotes, units, currency or thousands separators, "
            + "e.g. 1500000.";
    private static final Pattern CHARACTER = Pattern.compile("Unexpected character \\('(.+?)' \\(code (\\d+)\\)\\)");
    private static final Pattern TOKEN = Pattern.compile("Unrecognized token '(.*?)'");
    private static final Pattern START_MARKER = Pattern.compile("line: (\\d+), column: (\\d+)");
    private static final Pattern QUOTED = Pattern.compile("'(.*?)'");

    private JsonProblems() {
    }

    // ---------------------------------------------------------------------------------------------- syntax

    /** Whether a parser refused a key that appears twice in one object. */
    static boolean isDuplicateKey(JsonProcessingException e) {
        return firstLine(e.getOriginalMessage()).startsWith("Duplicate field");
    }

    /** A file that is not well-formed JSON or YAML, or breaks a reading limit: located by line and column. */
    static Problem syntax(JsonProcessingException e, String fileName) {
        return syntax(e, fileName, null);
    }

    /** The same, with the parser that failed: it knows where it stood when a reading limit stopped it. */
    static Problem syntax(JsonProcessingException e, String fileName, JsonParser failed) {
        boolean yaml = Json.isYaml(fileName);
        String language = yaml ? "YAML" : "JSON";
        JsonLocation at = e.getLocation();
        JsonParser parser = e.getProcessor() instanceof JsonParser p ? p : failed;
        if ((at == null || at.getLineNr() < 0) && parser != null) {
            at = parser.currentTokenLocation(); // a reading limit's exception carries no location: the value's start
        }
        String where = at == null || at.getLineNr() < 0 ? null : at.getLineNr() + ":" + Math.max(1, at.getColumnNr());
        if (e instanceof StreamConstraintsException) {
            return limit(e.getOriginalMessage(), fileName, where);
        }
        Throwable cause = e.getCause();
        if (yaml && cause != null && cause.getClass().getName().startsWith("org.yaml.snakeyaml")) {
            return Yaml.problem(cause, fileName, where);
        }
        String original = withoutYamlEvents(firstLine(e.getOriginalMessage()));
        if (yaml && original.startsWith("Expected a field name")) {
            return new Problem(fileName, where, "expected a key, found " + original.replaceAll(".*got this instead: ",
                    ""), original.contains("alias") ? "Write the key out: a YAML alias (*name) cannot be a key."
                    : "Write each entry as \"key: value\".");
        }
        if (e instanceof MismatchedInputException && original.startsWith("Trailing token")) {
            return new Problem(fileName, where, "more data after the end of the portfolio (two portfolios in one "
                    + "file, or text after the closing brace?)", "A file holds one portfolio object: remove what "
                    + "follows it, or split the file.");
        }
        if (e instanceof JsonEOFException || original.startsWith("Unexpected end-of-input")) {
            Matcher start = START_MARKER.matcher(original);
            String open = original.contains("close marker for Array") ? "a list" : "an object";
            String detail = original.contains("close marker") && start.find()
                    ? open + " opened at line " + start.group(1) + ", column " + start.group(2) + " is never closed"
                    : "it stops inside a " + (original.contains("String") || original.contains("string") ? "text value"
                    : "value");
            return new Problem(fileName, where, "the file ends too early: " + detail,
                    "The file looks cut short: check that it was completely saved, copied or exported.");
        }
        if (original.startsWith("Duplicate field")) {
            Matcher name = QUOTED.matcher(original);
            String key = name.find() ? name.group(1) : "?";
            String path = pathOf(e);
            return new Problem(fileName, where, "the key \"" + key + "\" appears twice in "
                    + (path.equals("$") ? "the top-level object" : path),
                    "Keep one of them: a second value would silently replace the first.");
        }
        if (original.startsWith("Unexpected close marker")) {
            Matcher marker = QUOTED.matcher(original);
            String found = marker.find() ? marker.group(1) : "?";
            Matcher start = START_MARKER.matcher(original);
            String detail = original.contains("no open")
                    ? "a closing " + found + " with nothing open to close"
                    : "a closing " + found + " where " + (marker.find() ? marker.group(1) : "another bracket")
                    + " was expected" + (start.find() ? " (to close what opened at line " + start.group(1)
                    + ", column " + start.group(2) + ")" : "");
            return new Problem(fileName, where, detail, "Close each { with } and each [ with ], in order.");
        }
        if (original.contains("Leading zeroes not allowed")) {
            return new Problem(fileName, where, "a number with a leading zero", "Write numbers without leading "
                    + "zeros (7, not 007); put codes such as \"007\" in quotes.");
        }
        if (original.startsWith("Unrecognized character escape")) {
            Matcher escape = QUOTED.matcher(original);
            return new Problem(fileName, where, "an unknown escape \\" + (escape.find() ? escape.group(1) : "")
                    + " in a text value", "Inside quotes a backslash starts an escape (\\n, \\t, \\\", \\\\): "
                    + "write \\\\ for a backslash itself.");
        }
        if (original.startsWith("Non-standard token")) {
            Matcher token = QUOTED.matcher(original);
            String value = token.find() ? token.group(1) : "NaN";
            return new Problem(fileName, where, value + " is not a number a portfolio may hold", "Write a finite "
                    + "number, or leave the field out when the value is not known.");
        }
        if (original.startsWith("Illegal unquoted character")) {
            return new Problem(fileName, where, "a control character (such as a tab or a line break) inside a text "
                    + "value", "Write it escaped (\\t for a tab, \\n for a line break) or remove it.");
        }
        if (original.startsWith("Invalid UTF-8") || original.contains("UTF-8") || original.contains("UTF8")) {
            return new Problem(fileName, where, "the file is not UTF-8 text (" + lowerFirst(original) + ")",
                    "Save the file as UTF-8: most editors offer it under \"Save as\" or \"Encoding\".");
        }
        Matcher character = CHARACTER.matcher(original);
        if (character.find()) {
            String c = printable(character.group(1), Integer.parseInt(character.group(2)));
            if (original.contains("comment")) {
                return new Problem(fileName, where, "JSON does not allow comments", "Remove the comment, or write "
                        + "the portfolio as YAML (.yaml), which allows # comments.");
            }
            if (original.contains("double-quote to start field name")) {
                return new Problem(fileName, where, "expected a key in double quotes, found " + c, "Write keys in "
                        + "double quotes (\"currency\"); a comma before a closing brace also causes this.");
            }
            if (original.contains("comma to separate Object entries") || original.contains("comma to separate Array")) {
                return new Problem(fileName, where, "expected a comma or a closing bracket, found " + c,
                        "Put a comma between two entries, and close each { with } and each [ with ].");
            }
            if (original.contains("Decimal point not followed by a digit")) {
                // "5." at the very end of a cut-short file reads the same as "5.}" within one
                return new Problem(fileName, where, "a number with no digit after its decimal point",
                        "Write a digit after the point (5.0, not 5.). If this is where the file ends, the file was "
                                + "cut short: check that it was completely saved, copied or exported.");
            }
            if (original.contains("colon to separate")) {
                return new Problem(fileName, where, "expected a colon after the key, found " + c,
                        "Write each entry as \"key\": value.");
            }
            return new Problem(fileName, where, "unexpected character " + c, "Fix the syntax at that line (a "
                    + "missing comma, quote or bracket?).");
        }
        Matcher token = TOKEN.matcher(original);
        if (token.find()) {
            return new Problem(fileName, where, "unexpected text '" + shorten(token.group(1)) + "' where a value "
                    + "should be", "Text values go in double quotes; true, false, null and numbers are written bare.");
        }
        return new Problem(fileName, where, "not valid " + language + ": " + withoutJacksonTerms(original),
                "Fix the syntax at that line (a missing comma, quote or bracket?).");
    }

    /** A reading limit (nesting, length of a text, a number or a key) was exceeded. */
    private static Problem limit(String original, String fileName, String where) {
        String message = String.valueOf(original);
        if (message.contains("nesting depth")) {
            return new Problem(fileName, where, "the data is nested more than " + Json.MAX_NESTING_DEPTH
                    + " levels deep", "A portfolio is nested a few levels deep: this is not a portfolio, or it is "
                    + "broken junk. Check what produced the file.");
        }
        if (message.startsWith("String value length")) {
            return new Problem(fileName, where, "a text value longer than " + String.format(Locale.ROOT, "%,d",
                    Json.MAX_TEXT_LENGTH) + " characters", "A portfolio's texts are short: the file probably holds "
                    + "an embedded document or broken data. Remove it.");
        }
        if (message.startsWith("Number value length")) {
            return new Problem(fileName, where, "a number with more than " + Json.MAX_NUMBER_LENGTH + " digits",
                    NUMBER_HINT);
        }
        if (message.startsWith("Name length")) {
            return new Problem(fileName, where, "a key that is far too long", "Keys are field names such as "
                    + "\"title\": check what produced the file.");
        }
        return new Problem(fileName, where, "the file exceeds a reading limit: " + withoutJacksonTerms(message),
                "Check what produced the file.");
    }

    // ---------------------------------------------------------------------------------------------- binding

    /**
     * A problem found while binding the tree to the model: a value of the wrong type, a record refusing a value, or
     * the portfolio's cross-reference checks (returned as they are: already located).
     */
    static List<Problem> binding(Exception e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UserErrorException user) {
                return user.problems();
            }
        }
        String path = e instanceof JsonMappingException m ? path(m.getPath()) : "$";
        return List.of(problem(e, path));
    }

    /** True when the exception carries the portfolio's cross-reference problems (every record was built). */
    static boolean isCrossReference(Exception e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UserErrorException) {
                return true;
            }
        }
        return false;
    }

    private static Problem problem(Exception e, String path) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof InvalidFieldException f) {
            return Problem.at(join(path, f.field()), f.detail(), f.hint());
        }
        if (e instanceof UnrecognizedPropertyException u) {
            Collection<String> known = new ArrayList<>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            }
            return Problem.at(path, "unknown field \"" + u.getPropertyName() + "\"",
                    ClosestName.hint(u.getPropertyName(), known));
        }
        if (e instanceof InvalidFormatException f) {
            return invalidFormat(f, path);
        }
        if (e instanceof MismatchedInputException m) {
            Class<?> type = m.getTargetType();
            String found = found(m);
            if (isWholeNumber(type) && found.startsWith("the number")) {
                return Problem.at(path, "expected a whole number, found " + found.substring("the ".length()),
                        "Write a whole number, without a fraction.");
            }
            return Problem.at(path, "expected " + describe(type) + ", found " + found, hintFor(type));
        }
        Throwable root = rootCause(e);
        if (root instanceof StreamConstraintsException c) {
            Problem limit = limit(c.getOriginalMessage(), null, null);
            return Problem.at(path, limit.message(), limit.hint());
        }
        if (root instanceof InputCoercionException c) {
            return Problem.at(path, "a number out of range (" + withoutJacksonTerms(firstLine(c.getOriginalMessage()))
                    + ")", "Check the value: it is far larger than any the field can take.");
        }
        String message = root.getMessage() != null ? root.getMessage()
                : e instanceof JsonProcessingException j ? j.getOriginalMessage() : null;
        return Problem.at(path, message == null ? "invalid value" : withoutJacksonTerms(firstLine(message)),
                "Fix the value in the file.");
    }

    private static Problem invalidFormat(InvalidFormatException f, String path) {
        Class<?> type = f.getTargetType();
        Object value = f.getValue();
        if (type != null && type.isEnum()) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
            String close = ClosestName.to(String.valueOf(value), names).map(c -> "Did you mean \"" + c + "\"? ")
                    .orElse("");
            return Problem.at(path, quote(value) + " is not one of " + String.join(", ", names),
                    close + "Write one of them as it is spelled here, in capitals.");
        }
        if (type == java.time.LocalDate.class) {
            String why = f.getOriginalMessage();
            boolean dateTime = why != null && why.startsWith("a date and time");
            return Problem.at(path, "cannot read " + quote(value) + " as a date" + (why == null ? "" : ": " + why),
                    dateTime ? "Write the date alone: " + quote(String.valueOf(value).substring(0, 10)) + "."
                            : DATE_HINT);
        }
        return Problem.at(path, "cannot read " + quote(value) + " as " + describe(type), hintFor(type));
    }

    // ---------------------------------------------------------------------------------------------- helpers

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

    /** {@code missions[0]} + {@code publicFunding}; {@code $} + {@code actors[3]}. */
    static String join(String path, String field) {
        if (field == null || field.isEmpty()) {
            return path;
        }
        if (path == null || path.equals("$")) {
            return field;
        }
        return path + (field.startsWith("[") ? "" : ".") + field;
    }

    /** The JSON path where the parser stood when it failed (for syntax problems such as duplicate keys). */
    private static String pathOf(JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonParser parser) {
            List<String> segments = new ArrayList<>(List.of(
                    parser.getParsingContext().pathAsPointer().toString().split("/")));
            // the pointer ends at the repeated key itself: name the object that holds it
            if (!segments.isEmpty()) {
                segments.remove(segments.size() - 1);
            }
            StringBuilder sb = new StringBuilder();
            for (String segment : segments) {
                if (segment.isEmpty()) {
                    continue;
                }
                if (segment.matches("\\d+")) {
                    sb.append('[').append(segment).append(']');
                } else {
                    sb.append(sb.length() == 0 ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
                }
            }
            return sb.length() == 0 ? "$" : sb.toString();
        }
        return "$";
    }

    /** What the parser found where a value of another type was expected. */
    private static String found(MismatchedInputException m) {
        if (!(m.getProcessor() instanceof JsonParser parser)) {
            return "a value of another type";
        }
        JsonToken token = parser.currentToken();
        if (token == null) {
            return "nothing";
        }
        try {
            return switch (token) {
                case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
                case START_ARRAY, END_ARRAY -> "a list";
                case VALUE_STRING -> "the text " + quote(shorten(parser.getText()));
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + shorten(parser.getText());
                case VALUE_TRUE -> "true";
                case VALUE_FALSE -> "false";
                case VALUE_NULL -> "null";
                default -> "a value of another type";
            };
        } catch (java.io.IOException ex) {
            return "a value of another type";
        }
    }

    static String describe(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (text such as \"2030-12-31\")";
        }
        if (isWholeNumber(type)) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object of names and values";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
        }
        return "an object (" + article(type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(Locale.ROOT)) + ")";
    }

    private static String hintFor(Class<?> type) {
        if (type == null) {
            return "Check the value against docs/portfolio-format.md.";
        }
        if (type == java.time.LocalDate.class) {
            return DATE_HINT;
        }
        if (isWholeNumber(type)) {
            return "Write a whole number, e.g. 2030.";
        }
        if (type == double.class || type == Double.class || Number.class.isAssignableFrom(type)) {
            return NUMBER_HINT;
        }
        if (type == boolean.class || type == Boolean.class) {
            return "Write true or false, without quotes.";
        }
        if (type == String.class) {
            return "Write text in double quotes.";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "Write a list in square brackets, [...], even for one entry.";
        }
        if (type.isEnum()) {
            return "Write one of them, in capitals, as text.";
        }
        return "Write an object in braces, with the fields listed in docs/portfolio-format.md.";
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class;
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static String printable(String c, int code) {
        if (code == 39) {
            return "a single quote (')";
        }
        if (code < 32) {
            return "a control character (number " + code + ")";
        }
        return "'" + c + "'";
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + shorten(s) + "\"" : String.valueOf(value);
    }

    static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** "<org.yaml.snakeyaml.events.AliasEvent(anchor=x)>" → "an alias (*x)": snakeyaml's events in plain words. */
    static String withoutYamlEvents(String message) {
        Matcher m = Pattern.compile("<?org\\.yaml\\.snakeyaml\\.events\\.(\\w+?)Event(?:\\(([^)]*)\\))?>?")
                .matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String anchor = m.group(2) == null ? "" : m.group(2).replaceAll(".*anchor=([^,\\s]*).*", "$1");
            String words = switch (m.group(1)) {
                case "Alias" -> "an alias (*" + anchor + ")";
                case "MappingStart", "MappingEnd" -> "an object";
                case "SequenceStart", "SequenceEnd" -> "a list";
                case "Scalar" -> "a value";
                case "DocumentStart", "DocumentEnd", "StreamEnd" -> "the end of the document";
                default -> "something else";
            };
            m.appendReplacement(out, Matcher.quoteReplacement(words));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Drops Jackson's references to its own features and classes ("from `StreamReadConstraints...`)"). */
    static String withoutJacksonTerms(String message) {
        return message.replaceAll("\\s*\\(?(from|enable|disable|set) `[^`]*`[^)]*\\)?", "")
                .replaceAll("`([^`]*\\.)?([^`.]+)`", "$2").strip();
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "invalid value";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** snakeyaml's errors, read from its exception by reflection-free duck typing on the public API. */
    private static final class Yaml {
        static Problem problem(Throwable cause, String fileName, String where) {
            String problem = cause.getMessage();
            String location = where;
            if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
                problem = marked.getProblem();
                if (marked.getProblemMark() != null) {
                    location = (marked.getProblemMark().getLine() + 1) + ":" + (marked.getProblemMark().getColumn() + 1);
                }
            }
            // "but found i(105)": the character's code point is noise
            problem = firstLine(String.valueOf(problem)).strip().replaceAll("\\s*\\(\\d+\\)", "");
            if (problem.contains("(TAB)") || problem.contains("\\t")) {
                return new Problem(fileName, location, "a tab character where YAML expects spaces",
                        "Indent YAML with spaces only.");
            }
            if (problem.startsWith("expected <block end>") || problem.contains("<block mapping start>")) {
                return new Problem(fileName, location, "this line is not indented like the lines around it",
                        "Keys of one object start in the same column; list items (\"- \") line up.");
            }
            if (problem.contains("end of stream")) {
                return new Problem(fileName, location, "the file ends too early (inside a quoted text or a "
                        + "bracket?)", "The file looks cut short: check that it was completely saved, copied or "
                        + "exported, and that every quote and bracket is closed.");
            }
            if (problem.startsWith("could not find expected ':'")) {
                return new Problem(fileName, location, "a key without a colon after it", "Write each entry as "
                        + "\"key: value\", with a space after the colon.");
            }
            if (problem.startsWith("mapping values are not allowed here")) {
                return new Problem(fileName, location, "a colon where YAML does not expect one",
                        "Put text that contains \": \" in quotes, and check the indentation above.");
            }
            if (problem.startsWith("found duplicate key")) {
                return new Problem(fileName, location, problem, "Keep one of them: a second value would silently "
                        + "replace the first.");
            }
            if (problem.contains("exceeds") || problem.contains("Nesting Depth") || problem.contains("aliases")) {
                return new Problem(fileName, location, "the YAML exceeds a reading limit (" + problem + ")",
                        "Check what produced the file.");
            }
            return new Problem(fileName, location, "not valid YAML: " + problem, "Fix the YAML at that line: indent "
                    + "with spaces, put \": \" after each key, and quote text that contains \": \" or \" #\".");
        }
    }
}
