package org.missionengine.drools;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.missionengine.rules.TargetTrajectory;

/** Facts and values as an explanation shows them: a fact by its type and id, a number as a reader writes it. */
final class FactText {
    private static final int LONGEST = 120;

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

    /** The fact with the values of its fields that {@code constraint} names: {@code Project p1 (publicFunding = 400000)}. */
    static String withFields(Object fact, String constraint) {
        List<String> fields = new ArrayList<>();
        if (fact.getClass().isRecord()) {
            for (RecordComponent c : fact.getClass().getRecordComponents()) {
                if (!c.getName().equals("id") && Pattern.compile("\\b" + c.getName() + "\\b").matcher(constraint).find()) {
                    fields.add(c.getName() + " = " + value(component(fact, c.getName())));
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
