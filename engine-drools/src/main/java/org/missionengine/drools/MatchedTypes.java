package org.missionengine.drools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.drools.base.InitialFact;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.ObjectSink;
import org.kie.api.KieBase;

/**
 * The fact classes some rule of a KieBase matches in working memory (its object type nodes). A fact of any other class
 * only costs time to insert and to read back, so a session is given only the facts that some rule can see. Facts a
 * rule reaches {@code from} another fact (a mission's projects) need no insertion either.
 */
final class MatchedTypes {
    private final Set<Class<?>> matched;
    private final ClassValue<Boolean> inserted = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return matched.stream().anyMatch(m -> m.isAssignableFrom(type));
        }
    };

    private MatchedTypes(Set<Class<?>> matched) {
        this.matched = matched;
    }

    static MatchedTypes of(KieBase kieBase) {
        // a rule removed (disabled) after the build can leave its type's node behind, or alpha nodes (its
        // constraints) that lead nowhere: nothing reads what passes through them
        Collection<ObjectType> types = ((InternalRuleBase) kieBase).getRete().getObjectTypeNodes().stream()
                .filter(node -> Arrays.stream(node.getObjectSinkPropagator().getSinks()).anyMatch(MatchedTypes::leadsToARule))
                .map(node -> node.getObjectType()).toList();
        Set<Class<?>> classes = types.stream().filter(ClassObjectType.class::isInstance)
                .map(t -> ((ClassObjectType) t).getClassType())
                .filter(c -> !InitialFact.class.isAssignableFrom(c)).collect(Collectors.toSet());
        return new MatchedTypes(classes);
    }

    /** False for a chain of alpha nodes that ends without a rule; anything else passes facts on to some rule. */
    private static boolean leadsToARule(ObjectSink sink) {
        if (sink instanceof AlphaNode alpha) {
            return Arrays.stream(alpha.getObjectSinkPropagator().getSinks()).anyMatch(MatchedTypes::leadsToARule);
        }
        return true;
    }

    /** True when some rule matches facts of this class (or of a supertype of it) in working memory. */
    boolean matches(Class<?> type) {
        return inserted.get(type);
    }

    /** The facts some rule can see, in their order. */
    List<Object> of(Collection<?> facts) {
        List<Object> kept = new ArrayList<>(facts.size());
        // facts come grouped by type (a mission's hundred projects in a row): one lookup per run of a type
        Class<?> type = null;
        boolean matched = false;
        for (Object fact : facts) {
            if (fact.getClass() != type) {
                type = fact.getClass();
                matched = inserted.get(type);
            }
            if (matched) {
                kept.add(fact);
            }
        }
        return kept;
    }
}
