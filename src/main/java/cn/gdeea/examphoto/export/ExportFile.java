package cn.gdeea.examphoto.export;

/**
 * One archive of an export: the collected standard photos of one registration point (报考点).
 *
 * @param name       the archive's file name, {@code <pointCode>.zip}
 * @param candidates how many photos it holds
 * @param bytes      the archive's size
 */
public record ExportFile(String pointCode, String name, int candidates, long bytes, String sha256) {
}
