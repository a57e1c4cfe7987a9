package org.missionengine.drools;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.missionengine.rules.TargetTrajectory;

/** Facts and values as an explanation shows them: a fact by its type and id, a number as a reader writes it. */
final class FactText {
    private static final int LONGEST = 120;
    /** A constraint's left operand when it is a path of two steps or more: {@code governance.leadBodies().size()}. */
    private static final Pattern PATH = Pattern.compile(
            "^\\s*!?\\s*(?:\\$\\w+\\s*:\\s*)?([A-Za-z_]\\w*(?:\\(\\))?(?:\\.[A-Za-z_]\\w*(?:\\(\\))?)+)");
    /** A path that ends in null (a value the record left out). */
    private static final Object NULL = new Object();

    private FactText() {
    }

    /** {@code Project heat-advice}, {@code TargetTrajectory t1}, or a plain value. */
    static String of(Object fact) {
        if (fact == null || fact instanceof Number || fact instanceof CharSequence || fact instanceof Boolean
                || fact instanceof Enum<?>) {
            return value(fact);
        }
        if (fact instanceof TargetTrajectory t) {
            return "TargetTrajectory " + t.targetId();
        }
        Object id = component(fact, "id");
        String type = fact.getClass().getSimpleName();
        if (id != null) {
            return type + " " + id;
        }
        String text = String.valueOf(fact);
        return text.length() > LONGEST ? text.substring(0, LONGEST - 3) + "..." : text;
    }

    /**
     * The fact with the values the constraint reads: the value of its left operand when that is a path of accessors
     * ({@code Mission m1 (governance.leadBodies().size() = 2)}), else of the fields it names
     * ({@code Project p1 (publicFunding = 400000)}).
     */
    static String withFields(Object fact, String constraint) {
        Matcher path = PATH.matcher(constraint);
        if (path.find()) {
            Optional<Object> value = follow(fact, path.group(1));
            if (value.isPresent()) {
                return of(fact) + " (" + path.group(1) + " = " + shown(value.get()) + ")";
            }
        }
        List<String> fields = new ArrayList<>();
        if (fact.getClass().isRecord()) {
            for (RecordComponent c : fact.getClass().getRecordComponents()) {
                if (!c.getName().equals("id") && Pattern.compile("\\b" + c.getName() + "\\b").matcher(constraint).find()) {
                    fields.add(c.getName() + " = " + shown(component(fact, c.getName())));
                }
            }
        }
        return of(fact) + (fields.isEmpty() ? "" : " (" + String.join(", ", fields) + ")");
    }

    /** A value as a reader writes it: whole numbers without ".0", others to 10 significant digits. */
    static String value(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return String.valueOf((long) d);
            }
            // as the evidence rounds it (EvaluationContext): from the shortest decimal, so both show the same digits
            return java.math.BigDecimal.valueOf(d).round(new java.math.MathContext(10)).stripTrailingZeros()
                    .toPlainString();
        }
        if (value instanceof CharSequence s) {
            String text = s.toString();
            return text.length() > LONGEST ? text.substring(0, LONGEST - 3) + "..." : text;
        }
        return String.valueOf(value).toLowerCase(Locale.ROOT).equals("null") ? "null" : String.valueOf(value);
    }

    /** A field's value in an explanation: null is a field the record left out; a fact by its type and id. */
    private static String shown(Object value) {
        return value == NULL || value == null ? "null (not recorded)" : of(value);
    }

    /**
     * The value at the end of a path of accessors ({@code governance.leadBodies().size()}) on a fact; {@link #NULL}
     * when a step gives null; empty when a step is not a public no-argument method (the path is not followed then).
     */
    private static Optional<Object> follow(Object fact, String path) {
        Object current = fact;
        for (String step : path.split("\\.")) {
            if (current == null) {
                return Optional.of(NULL);
            }
            Optional<Method> accessor = accessor(current.getClass(), step.replace("()", ""));
            if (accessor.isEmpty()) {
                return Optional.empty();
            }
            try {
                current = accessor.get().invoke(current);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.of(current == null ? NULL : current);
    }

    /** A public no-argument method named {@code name} (or its bean getter), found on a public type of the class. */
    private static Optional<Method> accessor(Class<?> type, String name) {
        String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String candidate : List.of(name, "get" + capitalised, "is" + capitalised)) {
            for (Class<?> owner : publicTypes(type)) {
                try {
                    return Optional.of(owner.getMethod(candidate));
                } catch (NoSuchMethodException e) {
                    // not on this type: try the next
                }
            }
        }
        return Optional.empty();
    }

    /** The class if it is public, then its public superclasses and interfaces (a JDK list is one of List's). */
    private static List<Class<?>> publicTypes(Class<?> type) {
        List<Class<?>> types = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (Modifier.isPublic(c.getModifiers())) {
                types.add(c);
            }
            for (Class<?> i : c.getInterfaces()) {
                if (Modifier.isPublic(i.getModifiers())) {
                    types.add(i);
                }
            }
        }
        return types;
    }

    private static Object component(Object fact, String name) {
        if (!fact.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent c : fact.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    return c.getAccessor().invoke(fact);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
