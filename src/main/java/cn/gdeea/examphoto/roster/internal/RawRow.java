package cn.gdeea.examphoto.roster.internal;

/** One data row as read, its values indexed by {@link Column#ordinal()} (null when absent). */
public record RawRow(long rowNumber, String[] values) {

    public String get(Column column) {
        String v = values[column.ordinal()];
        if (v == null) {
            return null;
        }
        v = v.strip();
        return v.isEmpty() ? null : v;
    }

    public boolean blank() {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
