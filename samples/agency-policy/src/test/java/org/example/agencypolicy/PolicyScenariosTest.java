package org.example.agencypolicy;

import org.missionengine.test.ScenarioFiles;

/**
 * Runs every src/test/resources/**&#47;*.scenario.yaml on engine-test's scenario engine, one test per expectation.
 * Surefire runs test classes only: this empty class is how it reaches the scenarios.
 */
@ScenarioFiles
class PolicyScenariosTest {
}
