package org.missionengine.io;

import java.util.Map;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.module.SimpleModule;

import org.missionengine.report.ProjectValue;
import org.missionengine.report.TargetAssessment;
import org.missionengine.report.ValueAssessment;

/**
 * How precisely a report writes each figure: money to the cent, ratios and shares to 4 decimals, values in a metric's
 * unit to 6 significant digits. The records keep exact values for Java callers (and for tests of the arithmetic);
 * these mix-ins round only what is written, so that a report reads {@code 1663076.81} and {@code 0.2222} where the
 * arithmetic left {@code 1663076.8124999995} and {@code 0.22222222222222215}. Scores are rounded to 4 decimals where
 * they are computed, since ratings are decided on them; evidence where it is recorded, to 10 significant digits.
 */
final class ReportPrecision {
    private ReportPrecision() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("report-precision");
        module.setMixInAnnotation(ValueAssessment.class, ValueFigures.class);
        module.setMixInAnnotation(ProjectValue.class, ProjectFigures.class);
        module.setMixInAnnotation(TargetAssessment.class, TargetFigures.class);
        return module;
    }

    /** What a mission's value and a project's value have in common. */
    @SuppressWarnings("unused") // read by Jackson: the fields name the record components they annotate
    private abstract static class ValueFiguresInCommon {
        @JsonSerialize(using = FiniteNumberSerializer.Cents.class)
        double pvCosts;
        @JsonSerialize(using = FiniteNumberSerializer.Cents.class)
        double pvBenefits;
        @JsonSerialize(using = FiniteNumberSerializer.Cents.class)
        double npv;
        @JsonSerialize(using = FiniteNumberSerializer.FourDecimals.class)
        Double benefitCostRatio;
        @JsonSerialize(using = FiniteNumberSerializer.Cents.class)
        double totalValue;
        @JsonSerialize(using = FiniteNumberSerializer.FourDecimals.class)
        Double dynamicBenefitCostRatio;
    }

    @SuppressWarnings("unused")
    private abstract static class ValueFigures extends ValueFiguresInCommon {
        @JsonSerialize(using = FiniteNumberSerializer.FourDecimals.class)
        double discountRate;
        @JsonSerialize(using = FiniteNumberSerializer.Cents.class)
        double directValue;
        @JsonSerialize(using = FiniteNumberSerializer.Cents.class)
        double spilloverValue;
        @JsonSerialize(using = FiniteNumberSerializer.FourDecimals.class)
        Double leverage;
        @JsonSerialize(contentUsing = FiniteNumberSerializer.Cents.class)
        Map<String, Double> valueBySector;
    }

    @SuppressWarnings("unused")
    private abstract static class ProjectFigures extends ValueFiguresInCommon {
        @JsonSerialize(contentUsing = FiniteNumberSerializer.Cents.class)
        Map<String, Double> spillsInto;
    }

    @SuppressWarnings("unused")
    private abstract static class TargetFigures {
        @JsonSerialize(using = FiniteNumberSerializer.SixDigits.class)
        Double trendPerYear;
        @JsonSerialize(using = FiniteNumberSerializer.SixDigits.class)
        Double projected;
        @JsonSerialize(using = FiniteNumberSerializer.FourDecimals.class)
        Double gapClosure;
        @JsonSerialize(using = FiniteNumberSerializer.FourDecimals.class)
        Double projectedClosure;
        @JsonSerialize(using = FiniteNumberSerializer.SixDigits.class)
        Double requiredRatePerYear;
        @JsonSerialize(using = FiniteNumberSerializer.SixDigits.class)
        Double bestYearlyRate;
        @JsonSerialize(using = FiniteNumberSerializer.SixDigits.class)
        Double bauTrendPerYear;
        @JsonSerialize(using = FiniteNumberSerializer.SixDigits.class)
        Double bauProjection;
    }
}
