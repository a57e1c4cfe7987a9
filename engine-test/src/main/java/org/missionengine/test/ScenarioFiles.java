package org.missionengine.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the test class that runs a project's scenario files on {@link ScenarioTestEngine}. Maven's surefire runs
 * test classes only, so a project whose tests are all scenario files needs one class to hand to it; running that
 * class from an IDE runs the scenarios too. The class needs no body:
 *
 * <pre>{@code
 * @ScenarioFiles   // src/test/resources/**\/*.scenario.yaml
 * class PolicyScenariosTest {
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ScenarioFiles {
    /**
     * The directories to search for {@code *.scenario.yaml} ({@code .yml}, {@code .json}) files, relative to the
     * project; empty for the configuration parameter {@value ScenarioTestEngine#ROOTS}, else {@code src/test/resources}.
     *
     * @return the directories, or none for the default
     */
    String[] value() default {};
}
