package cn.gdeea.examphoto.roster;

/**
 * What a roster import did. No personal data: counts only.
 *
 * @param rows       data rows read
 * @param imported   new candidates
 * @param updated    existing candidates updated in place
 * @param errors     rows rejected (see the report)
 * @param photos     reference photos stored
 * @param hashed     initial passwords hashed with bcrypt
 * @param reportKey  the error report in photo storage, or null when no row was rejected
 */
public record ImportSummary(String fileName, long rows, long imported, long updated, long errors, long photos,
                            long hashed, double seconds, String reportKey) {
}
