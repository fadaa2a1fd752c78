package cn.gdeea.examphoto.roster;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a roster import did. No personal data: counts only.
 *
 * @param rows       data rows read
 * @param imported   new candidates
 * @param updated    existing candidates updated in place
 * @param errors     rows rejected (see the report)
 * @param photos     reference photos stored (also {@code photosAttached})
 * @param photosMissing    photos named in the roster, or looked up as {@code <candidate number>.jpg|png},
 *                         that the archive lacks (each in the report)
 * @param photosUnreadable photos found but unreadable or too large (each in the report)
 * @param hashed     initial passwords hashed with bcrypt
 * @param reportKey  the error report in photo storage, or null when no row was rejected
 */
public record ImportSummary(String fileName, long rows, long imported, long updated, long errors, long photos,
                            long photosMissing, long photosUnreadable, long hashed, double seconds, String reportKey) {

    @JsonProperty("photosAttached")
    public long photosAttached() {
        return photos;
    }
}
