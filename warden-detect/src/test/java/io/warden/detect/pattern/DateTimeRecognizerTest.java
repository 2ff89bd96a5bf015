package io.warden.detect.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimeRecognizerTest {
    private final DateTimeRecognizer dates = new DateTimeRecognizer();

    @ParameterizedTest
    @ValueSource(strings = {
        "2024-01-31", "2024/01/31", "01/31/2024", "31/01/2024", "31.01.2024", "31-01-2024", "1/5/2021", "12/31/99",
        "2024-01-31T10:00:00Z", "2024-01-31T10:00:00.123+02:00", "2024-01-31 10:00:00", "01/31/2024 10:00 AM",
        "January 5, 2021", "Jan 5 2021", "Jan. 5, 2021", "January 5th, 2021", "5 Jan 2021", "5 January 2021",
        "5th of January, 2021", "Jan. 2021", "March 2020", "January, 2021", "SEPT 2020", "Sept. 3",
        "14:30", "14:30:05", "2:30 pm", "2:30pm", "7 a.m.", "10am", "10:00 UTC", "9:15 am EST", "23:59:60",
        "Monday, January 5, 2021", "Tue 5 Jan 2021", "February 29, 2024", "Thu, 19 Dec 2024 09:01:14 +0200"
    })
    void date_commonForms_reportedAsOneSpan(String value) {
        String text = "It happened on " + value + " here";
        var span = Scan.single(dates, text);
        assertThat(text.substring(span.start(), span.end())).isEqualTo(value);
        assertThat(span.entity()).isEqualTo("DATE_TIME");
    }

    @Test
    void date_scoresByStrength() {
        assertThat(Scan.rawScore(dates, "2024-01-31", "2024-01-31")).isEqualTo(DateTimeRecognizer.ISO);
        assertThat(Scan.rawScore(dates, "01/31/2024", "01/31/2024")).isEqualTo(DateTimeRecognizer.NUMERIC);
        assertThat(Scan.rawScore(dates, "January 5, 2021", "January 5, 2021")).isEqualTo(DateTimeRecognizer.NAMED_FULL);
        assertThat(Scan.rawScore(dates, "March 2020", "March 2020")).isEqualTo(DateTimeRecognizer.MONTH_YEAR);
        assertThat(Scan.rawScore(dates, "14:30", "14:30")).isEqualTo(DateTimeRecognizer.PARTIAL);
        assertThat(Scan.rawScore(dates, "14:30:05", "14:30:05")).isEqualTo(DateTimeRecognizer.TIME_QUALIFIED);
        assertThat(Scan.rawScore(dates, "in 2020", "2020")).isEqualTo(DateTimeRecognizer.YEAR);
    }

    @Test
    void date_yearAlone_onlyWithContext() {
        assertThat(Scan.values(dates, "we sold 2020 units")).isEmpty();
        assertThat(Scan.values(dates, "she was born in 1985.")).containsExactly("1985");
        assertThat(Scan.values(dates, "open since 1999")).containsExactly("1999");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2024-02-30", "2023-02-29", "2024-13-01", "13/13/2024", "32.01.2024", "00/12/2024", "1.2.3", "1.2.24",
        "25:00", "12:60", "13:00 pm", "10:00:00:00", "Monday", "Sunday afternoon", "may 5", "march 2020",
        "May I", "2024-01-31-5", "1.31.2024.7", "x12:30", "3:1", "12345", "v2024-01-31"
    })
    void date_invalidOrNotADate_notReported(String value) {
        assertThat(Scan.values(dates, "value " + value + " here")).isEmpty();
    }

    @Test
    void date_severalInOneText_allFound() {
        assertThat(Scan.values(dates, "From 2024-01-31 to 2024-02-15, then 14:30."))
                .containsExactly("2024-01-31", "2024-02-15", "14:30");
        assertThat(Scan.values(dates, "due 2024-02-15 at 14:30.")).containsExactly("2024-02-15 at 14:30");
    }

    @Test
    void date_csvFields_found() {
        assertThat(Scan.values(dates, "213950,Jane Roe,536-22-1234,02/23/1994")).containsExactly("02/23/1994");
        assertThat(Scan.values(dates, "2021-02-01 07:13:03,59.8.215.69,10.0.0.1"))
                .containsExactly("2021-02-01 07:13:03");
        assertThat(Scan.values(dates, "2019-11-06 15:41,193.134.221.60")).containsExactly("2019-11-06 15:41");
    }

    @Test
    void date_monthDayWithoutYear_reportedAtPartialScore() {
        assertThat(Scan.values(dates, "due March 5.")).containsExactly("March 5");
        assertThat(Scan.values(dates, "due 5 March.")).containsExactly("5 March");
    }
}
