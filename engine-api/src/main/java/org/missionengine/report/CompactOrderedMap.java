package org.missionengine.report;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An unmodifiable map from names to numbers in a fixed order, held in two arrays. A report holds one per project
 * ({@link ProjectValue#spillsInto()}, a dozen or more sectors each), so for a national portfolio the difference to a
 * {@code LinkedHashMap} of boxed doubles (about 60 bytes an entry against 12) is most of the report's heap. Lookups scan
 * the keys: these maps are read whole, by iteration.
 */
final class CompactOrderedMap extends AbstractMap<String, Double> {
    private static final CompactOrderedMap EMPTY = new CompactOrderedMap(new String[0], new double[0]);

    private final String[] keys;
    private final double[] values;

    private CompactOrderedMap(String[] keys, double[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** A copy of a project's {@code spillsInto} in its iteration order; null keys and values are refused. */
    static Map<String, Double> spillsOf(String project, Map<String, Double> map) {
        if (map == null || map.isEmpty()) {
            return EMPTY;
        }
        if (map instanceof CompactOrderedMap compact) {
            return compact;
        }
        String[] keys = new String[map.size()];
        double[] values = new double[keys.length];
        int i = 0;
        for (Entry<String, Double> e : map.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("spillsInto of project " + project + " must not hold null sectors "
                        + "or values, found " + e.getKey() + " = " + e.getValue());
            }
            keys[i] = e.getKey();
            values[i++] = e.getValue();
        }
        return new CompactOrderedMap(keys, values);
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Double get(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Entry<String, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Double>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, Double> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return Map.entry(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
