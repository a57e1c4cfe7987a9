package org.missionengine.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.missionengine.InvalidRulesException;
import org.missionengine.MissionEngine;
import org.missionengine.Problem;

/**
 * Mistakes in a rule file are refused when the rules load, each once, at {@code file:line}, in the author's terms: a
 * misspelt parameter, field, method, fact type or variable gets the closest right name.
 */
class RuleLoadMistakesTest {
    private static final String HEAD = """
            package agency.checks;
            import org.missionengine.model.*;
            global org.missionengine.rules.EvaluationContext ctx;
            """;

    @Test
    void aMisspeltParameterIsRefusedAtItsLineWithTheDeclaredName() {
        assertThat(mistakes("""
                rule "Rebranded"
                when
                    $m : Mission( ctx.param("washing.rebrandedShar") > 0 )
                then
                end
                """)).containsExactly("agency.drl:6: unknown parameter \"washing.rebrandedShar\"; did you mean "
                + "\"washing.rebrandedShare\"? Correct the name, or declare the parameter in the pack's pack.json under "
                + "\"parameters\" with a \"default\" and a \"description\"; mission-eval rules lists the parameters in "
                + "force.");
    }

    @Test
    void aFindingCodeThatIsNotInCapitalsDigitsAndUnderscoresIsRefusedWithTheCodeToWrite() {
        assertThat(mistakes("""
                rule "Country"
                    @code("agy country, large") @severity("WARNING") @category("PORTFOLIO")
                when
                    $m : Mission( )
                then
                end
                """)).singleElement().asString().isEqualTo("agency.drl:5: rule \"Country\": the finding code \"agy "
                + "country, large\" is not a code. Write it in capital letters, digits and underscores, starting with "
                + "a letter: \"AGY_COUNTRY_LARGE\".");
        MissionEngine engine = MissionEngine.builder().rulesText("agency.drl", HEAD + """
                rule "Country"
                    @code("AGY_COUNTRY_2") @severity("WARNING") @category("PORTFOLIO")
                when
                    $m : Mission( )
                then
                end
                """).build();
        assertThat(engine.catalog().packs()).anySatisfy(p -> assertThat(p.rules())
                .anySatisfy(r -> assertThat(r.code()).isEqualTo("AGY_COUNTRY_2")));
    }

    @Test
    void aParameterNoPackDeclaresIsRefusedWhileCommentsAndBuiltNamesAreNotRead() {
        assertThat(mistakes("""
                rule "Counts"
                when
                    $m : Mission( ctx.count("horizon.maxYears") > 0 )
                then
                    // ctx.param("in.a.comment") is not read
                    double w = ctx.param("washing.weight." + "MW_CAPTURED");
                end
                """)).containsExactly("agency.drl:6: unknown parameter \"horizon.maxYears\": no pack declares it. Correct "
                + "the name, or declare the parameter in the pack's pack.json under \"parameters\" with a \"default\" and "
                + "a \"description\"; mission-eval rules lists the parameters in force.");
    }

    @Test
    void anUnknownFieldNamesTheFactTypeAndTheClosestFieldOnce() {
        assertThat(mistakes("""
                rule "Budget"
                when
                    $m : Mission( budget.totl > 0 )
                then
                end
                """)).containsExactly("agency.drl:6: Budget has no field or method \"totl\" (in \"budget.totl\"). "
                + "Did you mean \"total\"? Budget has: total, newMoney, multiYear.");
        assertThat(mistakes("""
                rule "Deadline"
                when
                    $m : Mission( deadlines != null )
                then
                end
                """)).singleElement().asString().startsWith("agency.drl:6: Mission has no field or method "
                + "\"deadlines\" (in \"deadlines != null\"). Did you mean \"deadline\"? Mission has: id, title,");
    }

    @Test
    void aBindingToAnUnknownFieldNamesTheFactTypeOnceAndNotTheVariablesLaterUses() {
        assertThat(mistakes("""
                rule "Recipients"
                when
                    $p : Project( instrument == Instrument.LOAN,
                                  $r : recipents )
                    Actor( id == $r )
                then
                end
                """)).containsExactly("agency.drl:7: Project has no field or method \"recipents\" (in \"$r : "
                + "recipents\"). Did you mean \"recipient\"? Project has: id, title, instrument, recipient, sector, "
                + "solution, openCall, publicFunding, privateFunding, start, end, status, preexisting, contributesTo, "
                + "conditionalities, cashflows, conditionalitiesRecorded, contributionsRecorded, durationYears, "
                + "fromOpenCall, fundingRecorded, hasBindingCondition, privateFundingRecorded, recordedFunding.");
    }

    @Test
    void aBindingAndAConstraintOnAnUnknownFieldAreOneMessageAndTheVariableIsNotCalledUnbound() {
        // Drools analyses "$total : publicFundin" and "publicFundin > 0" apart, then finds $total unresolved where the
        // consequence uses it: one mistake
        assertThat(mistakes("""
                rule "Total"
                when
                    $m : Mission( $total : publicFundin > 0 )
                then
                    ctx.report(drools, $m.id(), "total " + $total);
                end
                """)).singleElement().asString().startsWith("agency.drl:6: Mission has no field or method "
                + "\"publicFundin\" (in \"$total : publicFundin\"). Did you mean \"publicFunding\"? Mission has: id,");
    }

    @Test
    void aClassUsedWithoutItsImportIsOneMessageThatGivesTheImport() {
        // Drools says this three times: twice "Unable to Analyse Expression ... strict-mode", once "Unable to analyze"
        assertThat(mistakes("""
                rule "Short missions"
                when
                    $m : Mission( ChronoUnit.DAYS.between(launched, deadline) > 10 )
                then
                end
                """)).containsExactly("agency.drl:6: \"ChronoUnit\" is not imported, so it is read as a field of "
                + "Mission (in \"ChronoUnit.DAYS.between(launched, deadline)\"). Add \"import "
                + "java.time.temporal.ChronoUnit;\" below the package line.");
    }

    @Test
    void anUnknownMethodInAConsequenceIsReportedAtItsOwnLine() {
        assertThat(mistakes("""
                rule "Print"
                when
                    $m : Mission( )
                then
                    String label = "deadline";
                    System.out.println(label + $m.deadlines());
                end
                """)).singleElement().asString().startsWith("agency.drl:9: Mission has no method \"deadlines\". Did "
                + "you mean \"deadline\"? Mission has: id,");
        assertThat(mistakes("""
                rule "Length"
                when
                    $m : Mission( title.sizee() > 3 )
                then
                end
                """)).containsExactly("agency.drl:6: String has no field or method \"sizee\" (in \"title.sizee()\"). "
                + "See the methods of java.lang.String.");
    }

    @Test
    void aMisspeltFactTypeOrVariableGetsTheClosestKnownOne() {
        assertThat(mistakes("""
                rule "Type"
                when
                    $m : Misson( )
                then
                end
                """)).containsExactly("agency.drl:6: unknown fact type \"Misson\". Did you mean \"Mission\"? The facts a "
                + "rule can match are listed in docs/writing-rules.md (\"The facts\").");
        assertThat(mistakes("""
                rule "Variable"
                when
                    $m : Mission( )
                then
                    ctx.report(drools, $x.id(), "message");
                end
                """)).containsExactly("agency.drl:8: \"$x\" is not bound in this rule. Did you mean \"$m\"? Bind it "
                + "in a condition ($x : Mission( ... )) before using it.");
    }

    @Test
    void aMisspeltParameterAndACompileErrorAreReportedTogether() {
        assertThat(mistakes("""
                rule "Both"
                when
                    $p : Project( publicFundin > ctx.param("finance.minLeverag") )
                then
                end
                """)).containsExactly(
                "agency.drl:6: unknown parameter \"finance.minLeverag\"; did you mean \"finance.minLeverage\"? Correct "
                        + "the name, or declare the parameter in the pack's pack.json under \"parameters\" with a "
                        + "\"default\" and a \"description\"; mission-eval rules lists the parameters in force.",
                "agency.drl:6: Project has no field or method \"publicFundin\" (in \"publicFundin > "
                        + "ctx.param(\"finance.minLeverag\")\"). Did you mean \"publicFunding\"? Project has: id, title, "
                        + "instrument, recipient, sector, solution, openCall, publicFunding, privateFunding, start, end, "
                        + "status, preexisting, contributesTo, conditionalities, cashflows, conditionalitiesRecorded, "
                        + "contributionsRecorded, durationYears, fromOpenCall, fundingRecorded, hasBindingCondition, "
                        + "privateFundingRecorded, recordedFunding.");
    }

    @Test
    void aDefaultInPackJsonThatIsNotANumberIsRefusedWhereItIsDeclaredWhenARuleReadsANumber(@TempDir Path dir)
            throws IOException {
        Path pack = dir.resolve("agency");
        Files.createDirectories(pack);
        Files.writeString(pack.resolve("pack.json"), """
                {"id": "agency", "parameters": {
                  "agency.maxShare": {"default": "fifty", "description": "Largest share (0..1)."},
                  "agency.minShare": {"default": "0.1", "description": "Least share (0..1)."},
                  "agency.label": {"default": "fifty", "description": "Read as text: fine."}}}
                """);
        Files.writeString(pack.resolve("agency.drl"), HEAD + """
                rule "Shares"
                when
                    $m : Mission( ctx.param("agency.maxShare") > 0, ctx.count("agency.minShare") >= 0 )
                then
                    String label = ctx.text("agency.label");
                end
                """);

        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class,
                () -> MissionEngine.builder().rules(pack).build());

        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(Problem::describe).containsExactly(
                pack.resolve("pack.json") + ": parameters.agency.maxShare: the default \"fifty\" is not a number, but "
                        + "the rules read it as one (" + pack.resolve("agency.drl") + ":6). Write a plain number, e.g. "
                        + "\"default\": 0.5.",
                pack.resolve("pack.json") + ": parameters.agency.minShare: the default \"0.1\" is not a number, but "
                        + "the rules read it as one (" + pack.resolve("agency.drl") + ":6). Write it without quotes: "
                        + "\"default\": 0.1.");
    }

    @Test
    void everyParameterTheBuiltInPacksReadIsDeclared() {
        List<RulePack> builtIns = RulePackLoader.builtIns();
        java.util.Set<String> declared = new Parameters(builtIns).declared().keySet();

        assertThat(builtIns).flatMap(RulePack::sources).isNotEmpty()
                .allSatisfy(source -> assertThat(ParameterReferences.undeclared(source, declared))
                        .as(source.displayPath()).isEmpty());
    }

    @Test
    void aRuleFileNamedAloneReadsTheParametersOfThePackJsonBesideIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("pack.json"), """
                {"id": "agency", "version": "2.1.0", "parameters": {
                  "agency.maxTitle": {"default": 3, "description": "longest title in words"}}}""");
        Path checks = Files.writeString(dir.resolve("checks.drl"), HEAD + """
                rule "Long title"
                @code("AGY_LONG_TITLE") @severity("INFO") @category("AGENCY")
                when
                    $m : Mission( ctx.count("agency.maxTitle") < 0 )
                then
                end
                """);
        Files.writeString(dir.resolve("more.drl"), HEAD + """
                rule "Short title"
                when
                    $m : Mission( title == null )
                then
                end
                """);

        assertThat(MissionEngine.builder().rules(checks).build().catalog().packs())
                .filteredOn(pack -> pack.id().equals("checks")).singleElement()
                .satisfies(pack -> assertThat(pack.version()).isEqualTo("2.1.0"));
        InvalidRulesException twoFiles = catchThrowableOfType(InvalidRulesException.class,
                () -> MissionEngine.builder().rules(checks).rules(dir.resolve("more.drl")).build());
        assertThat(twoFiles.problems()).extracting(Problem::describe).singleElement().asString()
                .endsWith("package agency.checks is already used by pack \"checks\". Both files belong to the pack "
                        + "directory " + dir + ": name the directory (--rules " + dir + ") to use its files together as "
                        + "one pack.");
    }

    private static List<String> mistakes(String rules) {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class,
                () -> MissionEngine.builder().rulesText("agency.drl", HEAD + rules).build());
        assertThat(e).as("the rules are refused").isNotNull();
        return e.problems().stream().map(Problem::describe).toList();
    }
}
