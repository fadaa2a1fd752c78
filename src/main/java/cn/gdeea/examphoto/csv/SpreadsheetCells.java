package cn.gdeea.examphoto.csv;

/**
 * Guards against CSV formula injection (OWASP "CSV Injection"): a cell that starts with
 * {@code = + - @}, a tab or a carriage return is taken by Excel and WPS for a formula. Every CSV the
 * system writes passes its text cells through {@link #neutralise(String)}; names taken in
 * (roster rows, staff corrections) that {@link #looksLikeFormula(String) look like a formula} are refused.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** True when a spreadsheet would read the text as a formula. */
    public static boolean looksLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /**
     * The text as a spreadsheet shows it literally: a leading apostrophe before what would start a
     * formula (the apostrophe is how Excel itself marks text), otherwise unchanged.
     */
    public static String neutralise(String text) {
        return looksLikeFormula(text) ? "'" + text : text;
    }

    /** {@link #neutralise(String)} for a cell of any type; null becomes the empty cell. */
    public static Object neutralise(Object value) {
        return value instanceof String s ? neutralise(s) : value == null ? "" : value;
    }
}
