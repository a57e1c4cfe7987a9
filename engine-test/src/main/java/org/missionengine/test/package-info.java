/**
 * Test kit for evaluation policies (add {@code org.missionengine:engine-test} with test scope, next to
 * {@code engine-drools}):
 * <ul>
 *   <li>{@link org.missionengine.test.MissionAssertions}: fluent assertions on an evaluation report;</li>
 *   <li>{@link org.missionengine.test.PolicyVerifier}: one engine, one finding code at a time, catalog-aware;</li>
 *   <li>{@link org.missionengine.test.TestPortfolios}: portfolios for test code that state only what matters;</li>
 *   <li>{@link org.missionengine.test.Scenarios}: policy scenario files as JUnit 5 dynamic tests;</li>
 *   <li>{@link org.missionengine.test.ScenarioTestEngine}: {@code *.scenario.yaml} files run as tests by surefire and
 *       IDEs without test code, reached through a class marked {@link org.missionengine.test.ScenarioFiles};</li>
 *   <li>{@link org.missionengine.test.ScenarioRunner}: the same without JUnit (used by {@code mission-eval test});</li>
 *   <li>{@link org.missionengine.test.RuleCoverage}: which rules fired, which never did.</li>
 * </ul>
 * The guide is {@code docs/testing-policies.md}.
 */
package org.missionengine.test;
