package cn.gdeea.examphoto.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetCellsTests {

    @Test
    void prefixesEveryCellASpreadsheetWouldTakeForAFormula() {
        for (String formula : new String[] {"=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"}) {
            assertThat(SpreadsheetCells.looksLikeFormula(formula)).as(formula).isTrue();
            assertThat(SpreadsheetCells.neutralise(formula)).isEqualTo("'" + formula);
        }
    }

    @Test
    void leavesOrdinaryTextAlone() {
        for (String text : new String[] {"陈晓明", "张䶮", "Anna-Lena", "26440101000001", "", "a=b"}) {
            assertThat(SpreadsheetCells.looksLikeFormula(text)).as(text).isFalse();
            assertThat(SpreadsheetCells.neutralise(text)).isEqualTo(text);
        }
        assertThat(SpreadsheetCells.neutralise((Object) null)).isEqualTo("");
        assertThat(SpreadsheetCells.neutralise((Object) 42)).isEqualTo(42);
    }
}
