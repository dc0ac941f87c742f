package io.jenkins.plugins.securitycatalogue.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeverityTest {
    @ParameterizedTest
    @CsvSource({"CRITICAL,CRITICAL", "high,HIGH", "Moderate,MEDIUM", "MEDIUM,MEDIUM", "low,LOW", "negligible,INFO",
            "informational,INFO", "Unknown,UNKNOWN", "'',UNKNOWN", "severe,UNKNOWN"})
    void shouldMapTheWordsToolsWrite(String word, Severity expected) {
        assertThat(Severity.fromText(word)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"10.0,CRITICAL", "9.0,CRITICAL", "8.9,HIGH", "7.0,HIGH", "6.9,MEDIUM", "4.0,MEDIUM", "3.9,LOW",
            "0.1,LOW", "0.0,INFO", "-1,UNKNOWN", "10.1,UNKNOWN", "NaN,UNKNOWN"})
    void shouldMapCvssScoresByTheV3Ranges(double score, Severity expected) {
        assertThat(Severity.fromCvss(score)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"CRITICAL,HIGH,true", "HIGH,HIGH,true", "MEDIUM,HIGH,false", "UNKNOWN,LOW,false"})
    void shouldCompareSeverities(Severity severity, Severity other, boolean atLeast) {
        assertThat(severity.isAtLeast(other)).isEqualTo(atLeast);
    }
}
