package cn.gdeea.examphoto.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LabTests {

    @Test
    void whiteIsLightnessHundredWithoutColour() {
        Lab white = Lab.ofRgb(255, 255, 255);
        assertThat(white.l()).isCloseTo(100, within(0.01));
        assertThat(white.chroma()).isCloseTo(0, within(0.01));
    }

    @Test
    void convertsTheStandardsLightBlueAsTheCieFormulasDo() {
        // sRGB (100, 197, 255) under D65, worked through the sRGB and CIE 1976 formulas by hand.
        Lab blue = Lab.ofRgb(100, 197, 255);
        assertThat(blue.l()).isCloseTo(75.98, within(0.05));
        assertThat(blue.a()).isCloseTo(-11.84, within(0.05));
        assertThat(blue.b()).isCloseTo(-37.07, within(0.05));
    }
}
