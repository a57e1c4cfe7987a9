package org.missionengine.decisiontables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

/** The committed workbooks hold what {@link SampleWorkbooks} writes (Maven runs the tests in the module directory). */
class SampleWorkbooksTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void theSampleProcurementTableIsWhatItsGeneratorWrites() throws IOException {
        assertThat(cells(ROOT.resolve(SampleWorkbooks.PROCUREMENT_BANDS)))
                .as("run SampleWorkbooks.main from the repository root after changing the table")
                .isEqualTo(trimmed(SampleWorkbooks.PROCUREMENT));
    }

    @Test
    void theTemplateIsWhatItsGeneratorWrites() throws IOException {
        assertThat(cells(ROOT.resolve(SampleWorkbooks.TEMPLATE))).isEqualTo(trimmed(SampleWorkbooks.TEMPLATE_ROWS));
    }

    private static List<List<String>> cells(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Rules");
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> values = new ArrayList<>();
                for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    values.add(cell == null ? "" : cell.getStringCellValue());
                }
                rows.add(values);
            }
        }
        return trimmed(rows);
    }

    /** Rows without their trailing empty cells. */
    private static List<List<String>> trimmed(List<List<String>> rows) {
        List<List<String>> result = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> values = new ArrayList<>(row);
            while (!values.isEmpty() && values.get(values.size() - 1).isEmpty()) {
                values.remove(values.size() - 1);
            }
            result.add(values);
        }
        return result;
    }
}
