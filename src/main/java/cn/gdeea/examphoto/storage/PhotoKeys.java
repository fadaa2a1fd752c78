package cn.gdeea.examphoto.storage;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** New, never-reused storage keys, spread by day so no folder grows without bound. */
public final class PhotoKeys {

    public static final String PHOTOS = "photos/";
    public static final String EXPORTS = "exports/";
    public static final String REPORTS = "reports/";
    /** A queued roster import's uploaded files, {@code imports/<jobId>/…}, kept only while the job runs. */
    public static final String IMPORTS = "imports/";

    private PhotoKeys() {
    }

    /** A key for a candidate's photo, e.g. {@code photos/2026/11/24/<uuid>.jpg}. */
    public static String newPhotoKey(String extension) {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        return String.format("%s%04d/%02d/%02d/%s.%s", PHOTOS, day.getYear(), day.getMonthValue(),
                day.getDayOfMonth(), UUID.randomUUID(), extension);
    }
}
