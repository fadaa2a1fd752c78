package cn.gdeea.examphoto.photo;

import java.util.List;

/**
 * A standard photo (标准照片): the JPEG file (baseline JFIF, no EXIF) and where the face landed in
 * it, in pixels from the top-left corner. The geometry is the source landmarks carried through the
 * transform, not a new detection.
 *
 * @param jpeg      the file's bytes (not copied)
 * @param eyeLineY  mean height of the two eye centres
 * @param faceWidth distance between landmarks 0 and 16, the face outline at the ears
 * @param hairlineY estimated top of the head, hair included (头顶发际, as the standard measures it)
 * @param quality   JPEG quality the file was written with (1–100)
 * @param misfits   the measures outside their windows, empty when the photo fits
 */
public record StandardPhoto(byte[] jpeg, double eyeLineY, double faceWidth, double hairlineY, int quality,
        List<Misfit> misfits) {

    public StandardPhoto {
        misfits = List.copyOf(misfits);
    }

    /** Whether every measure lies in its window. */
    public boolean fits() {
        return misfits.isEmpty();
    }

    public int bytes() {
        return jpeg.length;
    }

    /** What a standard photo is measured by. */
    public enum Measure {
        EYE_LINE_Y, FACE_WIDTH, HAIRLINE_Y, BYTES
    }

    /** A measure outside its window [min, max]. */
    public record Misfit(Measure measure, double value, double min, double max) {

        @Override
        public String toString() {
            return String.format("%s %.0f outside %.0f–%.0f", measure, value, min, max);
        }
    }
}
