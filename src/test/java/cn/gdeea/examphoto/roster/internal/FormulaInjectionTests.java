package cn.gdeea.examphoto.roster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Roster names that a spreadsheet would run as formulas are refused, and the error report never echoes one raw. */
class FormulaInjectionTests {

    @Test
    void refusesANameThatASpreadsheetWouldRunAsAFormula() {
        RowValidator validator = new RowValidator(Pattern.compile("\\d{14}"), new HashSet<>(List.of("440101")), false);
        List<RowError> errors = new ArrayList<>();
        RosterRow row = validator.validate(row(2, "26440101000001", "=cmd|' /C calc'!A0", "广州市"), errors::add);
        assertThat(row).isNull();
        assertThat(errors).extracting(RowError::code).containsExactly("field.formula");
        assertThat(errors.get(0).column()).isEqualTo(Column.NAME);

        errors.clear();
        assertThat(validator.validate(row(3, "26440101000002", "陈晓明", "@SUM(1)"), errors::add)).isNull();
        assertThat(errors).extracting(RowError::column).containsExactly(Column.CITY);
        errors.clear();
        assertThat(validator.validate(row(4, "26440101000003", "陈晓明", "广州市"), errors::add)).isNotNull();
        assertThat(errors).isEmpty();
    }

    @Test
    void errorReportNeutralisesEchoedCells() throws Exception {
        ErrorReport report = new ErrorReport(Files.createTempFile("roster-errors", ".csv"));
        report.add(new RowError(7, "=HYPERLINK(\"http://evil\",\"x\")", Column.CANDIDATE_NUMBER, "candidate_number.invalid",
                "考生号格式不正确", "The candidate number does not have the configured format"));
        Path file = report.finish();
        try {
            String csv = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(csv).contains("'=HYPERLINK");
            assertThat(csv).doesNotContain(",\"=HYPERLINK").doesNotContain(",=HYPERLINK");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static RawRow row(long number, String candidate, String name, String city) {
        String[] values = new String[Column.values().length];
        values[Column.CANDIDATE_NUMBER.ordinal()] = candidate;
        values[Column.NAME.ordinal()] = name;
        values[Column.DOCUMENT_TYPE.ordinal()] = "居民身份证";
        values[Column.DOCUMENT_NUMBER.ordinal()] = cn.gdeea.examphoto.roster.RosterFixtures.idNumber(number);
        values[Column.CITY.ordinal()] = city;
        values[Column.POINT_CODE.ordinal()] = "440101";
        values[Column.PASSWORD.ordinal()] = "Kaosheng2026";
        return new RawRow(number, values);
    }
}
