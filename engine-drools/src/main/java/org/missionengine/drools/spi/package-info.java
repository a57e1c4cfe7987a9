/**
 * What other modules plug into the Drools engine: {@link org.missionengine.drools.spi.RuleSourceTranslator} turns rule
 * files of other formats (such as the spreadsheet decision tables of {@code engine-decisiontables}) into DRL.
 */
package org.missionengine.drools.spi;
