package org.missionengine.drools.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.missionengine.drools.dynamic.Dynamic.ENGINE;
import static org.missionengine.drools.dynamic.Dynamic.d;
import static org.missionengine.drools.dynamic.Dynamic.has;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.missionengine.io.InputOutputTable;
import org.missionengine.model.Cashflow;
import org.missionengine.model.EvidenceLevel;
import org.missionengine.model.Mission;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Project;
import org.missionengine.model.Spillover;
import org.missionengine.model.SpilloverKind;
import org.missionengine.report.MissionReport;
import org.missionengine.report.ProjectValue;
import org.missionengine.report.ValueAssessment;

/**
 * Acceptance (issue 3): the engine's propagated value over the Belgian 2020 input-output table equals the Leontief
 * solution computed here independently: A read from the CSV with plain Java (a_ij = z_ij / x_j, zero-output industries
 * left out), the Leontief inverse L = (I − A)^-1 by Gauss-Jordan elimination with partial pivoting, and for each project
 * x = L d (the column form of x = d (I − Aᵀ)^-1), total = Σ_i x_i. Checked to 1e-9 relative.
 */
class LeontiefAcceptanceTest {
    static final double RELATIVE = 1e-9;
    static final double RATE = 0.035;
    static final int BASE_YEAR = 2021;

    static Path table;
    static List<String> codes;
    static double[][] leontief;

    @BeforeAll
    static void independentLeontiefInverse() throws IOException, URISyntaxException {
        table = Path.of(LeontiefAcceptanceTest.class.getResource("/io/BEL2020ttl.csv").toURI());
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(table, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                String[] cells = line.split(",", -1);
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].strip().replace("\"", "");
                }
                rows.add(cells);
            }
        }
        String[] header = rows.get(0);
        Map<String, String[]> byLabel = new HashMap<>();
        rows.subList(1, rows.size()).forEach(r -> byLabel.put(r[0], r));
        String[] output = byLabel.get("OUTPUT");
        List<Integer> columns = new ArrayList<>();
        codes = new ArrayList<>();
        for (int c = 1; c < header.length; c++) {
            boolean industry = header[c].length() >= 3 && header[c].charAt(0) == 'D'
                    && Character.isDigit(header[c].charAt(1)) && Character.isDigit(header[c].charAt(2));
            if (industry && Double.parseDouble(output[c]) > 0) {
                columns.add(c);
                codes.add(header[c]);
            }
        }
        int n = codes.size();
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            String[] use = byLabel.get("TTL_" + codes.get(i).substring(1));
            for (int j = 0; j < n; j++) {
                a[i][j] = Double.parseDouble(use[columns.get(j)]) / Double.parseDouble(output[columns.get(j)]);
            }
        }
        double[][] iMinusA = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                iMinusA[i][j] = (i == j ? 1 : 0) - a[i][j];
            }
        }
        leontief = invert(iMinusA);
    }

    /** Gauss-Jordan elimination with partial pivoting on [M | I]. */
    static double[][] invert(double[][] m) {
        int n = m.length;
        double[][] aug = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, aug[i], 0, n);
            aug[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(aug[r][col]) > Math.abs(aug[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = aug[col];
            aug[col] = aug[pivot];
            aug[pivot] = tmp;
            double p = aug[col][col];
            assertThat(Math.abs(p)).as("pivot in column %d", col).isGreaterThan(1e-12);
            for (int k = 0; k < 2 * n; k++) {
                aug[col][k] /= p;
            }
            for (int r = 0; r < n; r++) {
                if (r != col && aug[r][col] != 0) {
                    double factor = aug[r][col];
                    for (int k = 0; k < 2 * n; k++) {
                        aug[r][k] -= factor * aug[col][k];
                    }
                }
            }
        }
        double[][] inverse = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(aug[i], n, inverse[i], 0, n);
        }
        return inverse;
    }

    /** x = L d for a direct-value vector given by sector code. */
    static double[] propagate(Map<String, Double> direct) {
        int n = codes.size();
        double[] d = new double[n];
        direct.forEach((code, v) -> d[codes.indexOf(code)] += v);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[i] += leontief[i][j] * d[j];
            }
        }
        return x;
    }

    static double pv(Cashflow[] flows, boolean costs) {
        double pv = 0;
        for (Cashflow cf : flows) {
            pv += (costs ? cf.cost() : cf.benefit()) / Math.pow(1 + RATE, cf.year() - BASE_YEAR);
        }
        return pv;
    }

    static final Cashflow[] GRID = {new Cashflow(2021, 400, 0), new Cashflow(2022, 300, 60), new Cashflow(2023, 0, 150),
            new Cashflow(2024, 0, 150), new Cashflow(2025, 0, 150), new Cashflow(2026, 0, 150)};
    static final Cashflow[] RENOVATION = {new Cashflow(2021, 250, 20), new Cashflow(2022, 250, 60),
            new Cashflow(2023, 0, 80), new Cashflow(2024, 0, 80), new Cashflow(2025, 0, 80), new Cashflow(2026, 0, 80)};
    static final Cashflow[] SOFTWARE = {new Cashflow(2020, 50, 0), new Cashflow(2021, 50, 30), new Cashflow(2022, 0, 40),
            new Cashflow(2023, 0, 40)};

    static Portfolio portfolio() {
        Mission mission = Mission.builder("be").launched(d("2021-01-01")).projects(
                Project.builder("grid").sector("D35").publicFunding(700).cashflows(GRID).build(),
                Project.builder("renovation").sector("D41T43").publicFunding(500).cashflows(RENOVATION).build(),
                Project.builder("software").sector("D62T63").publicFunding(100).cashflows(SOFTWARE).build()).build();
        Portfolio p = Portfolio.builder().currency("EUR").mission(mission)
                // a first-hop project spillover into a table sector: 10 % of the software's benefits reappear in education
                .spillover(new Spillover("software", null, "D85", SpilloverKind.SKILLS, 0.1, null, EvidenceLevel.ESTIMATED))
                .build();
        return p.withSpillovers(InputOutputTable.read(table).asSpillovers(Map.of()));
    }

    static void closeRelative(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(RELATIVE * Math.abs(expected)));
    }

    @Test
    void theImportMatchesTheTable() {
        InputOutputTable imported = InputOutputTable.read(table);

        assertThat(imported.sectors()).isEqualTo(codes);
        assertThat(codes).hasSize(47).contains("D35", "D41T43", "D62T63", "D85").doesNotContain("D05", "D06", "D07", "DPABR");
        List<Spillover> spillovers = imported.asSpillovers(Map.of());
        assertThat(spillovers).allSatisfy(s -> {
            assertThat(s.kind()).isEqualTo(SpilloverKind.DEMAND);
            assertThat(s.evidence()).isEqualTo(EvidenceLevel.OBSERVED);
            assertThat(s.intensity()).isBetween(0.0, 1.0);
        });
        // the electricity industry's purchases from mining and quarrying (TTL_08 × D35) per unit of its output
        Spillover fromPowerToQuarrying = spillovers.stream()
                .filter(s -> s.fromSector().equals("D35") && s.toSector().equals("D08")).findFirst().orElseThrow();
        assertThat(fromPowerToQuarrying.intensity()).isEqualTo(imported.coefficients()[codes.indexOf("D08")][codes.indexOf("D35")]);
    }

    @Test
    void propagatedValuesEqualTheLeontiefSolution() {
        MissionReport r = ENGINE.evaluate(portfolio(), d("2021-06-30")).mission("be");
        ValueAssessment v = r.value();

        Map<String, Map<String, Double>> direct = new LinkedHashMap<>();
        direct.put("grid", Map.of("D35", pv(GRID, false)));
        direct.put("renovation", Map.of("D41T43", pv(RENOVATION, false)));
        direct.put("software", Map.of("D62T63", pv(SOFTWARE, false), "D85", 0.1 * pv(SOFTWARE, false)));
        Map<String, Cashflow[]> flows = Map.of("grid", GRID, "renovation", RENOVATION, "software", SOFTWARE);

        double missionTotal = 0;
        double[] missionBySector = new double[codes.size()];
        for (var e : direct.entrySet()) {
            double[] x = propagate(e.getValue());
            double total = 0;
            for (int i = 0; i < x.length; i++) {
                total += x[i];
                missionBySector[i] += x[i];
            }
            missionTotal += total;
            ProjectValue p = v.projects().stream().filter(pv -> pv.project().equals(e.getKey())).findFirst().orElseThrow();
            double costs = pv(flows.get(e.getKey()), true);
            double benefits = pv(flows.get(e.getKey()), false);
            System.out.printf("Leontief %-10s sector %-6s PV costs %.6f PV benefits %.6f BCR %.6f | expected total %.9f, "
                            + "engine %.9f (relative difference %.2e); dynamic BCR %.6f%n", e.getKey(), p.sector(), costs,
                    benefits, benefits / costs, total, p.totalValue(), Math.abs(p.totalValue() - total) / total,
                    p.dynamicBenefitCostRatio());
            closeRelative(p.pvCosts(), costs);
            closeRelative(p.pvBenefits(), benefits);
            closeRelative(p.totalValue(), total);
            closeRelative(p.dynamicBenefitCostRatio(), total / costs);
            // every sector the project's value reaches, other than its own
            for (int i = 0; i < x.length; i++) {
                // spillsInto lists what reaches at least half a cent (what a report writing cents shows)
                if (!codes.get(i).equals(p.sector()) && x[i] >= 0.005) {
                    assertThat(p.spillsInto()).containsKey(codes.get(i));
                    assertThat(p.spillsInto().get(codes.get(i))).isCloseTo(x[i], within(RELATIVE * total));
                }
            }
        }
        System.out.printf("Leontief mission total: expected %.9f, engine %.9f (relative difference %.2e); spillover value "
                + "%.6f; dynamic BCR %.6f%n", missionTotal, v.totalValue(), Math.abs(v.totalValue() - missionTotal)
                / missionTotal, v.spilloverValue(), v.dynamicBenefitCostRatio());
        closeRelative(v.totalValue(), missionTotal);
        closeRelative(v.spilloverValue(), missionTotal - v.pvBenefits());
        for (int i = 0; i < codes.size(); i++) {
            double engine = v.valueBySector().getOrDefault(codes.get(i), 0.0);
            assertThat(engine).as("value in %s", codes.get(i)).isCloseTo(missionBySector[i], within(RELATIVE * missionTotal));
        }
        // renovation: plain CBA rejects it, its demand on other industries makes it worth doing
        assertThat(has(r, "VAL_CBA_UNDERVALUES", "renovation")).isTrue();
    }

    @Test
    void renamedSectorsPropagateTheSame() {
        // the same table with D41T43 named as the portfolio names it
        Map<String, String> names = Map.of("D41T43", "construction");
        Mission mission = Mission.builder("be").projects(Project.builder("renovation").sector("construction")
                .cashflows(RENOVATION).build()).build();
        Portfolio p = Portfolio.builder().mission(mission).build()
                .withSpillovers(InputOutputTable.read(table).asSpillovers(names));

        ProjectValue value = ENGINE.evaluate(p, d("2021-06-30")).mission("be").value().projects().get(0);
        double[] x = propagate(Map.of("D41T43", pv(RENOVATION, false)));
        double total = 0;
        for (double xi : x) {
            total += xi;
        }
        closeRelative(value.totalValue(), total);
        assertThat(value.spillsInto()).doesNotContainKey("construction").doesNotContainKey("D41T43");
    }
}
