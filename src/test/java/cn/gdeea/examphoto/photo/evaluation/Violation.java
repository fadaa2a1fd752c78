package cn.gdeea.examphoto.photo.evaluation;

import cn.gdeea.examphoto.image.RgbImage;
import java.util.Random;

/**
 * A realistic breach of the photo guide, made from a compliant portrait, that one check must
 * catch. Deterministic for a given {@code random} seed.
 */
public interface Violation {

    /** Short name for the evaluation table, e.g. {@code grey_background}. */
    String name();

    /** The id of the check that must fail on the result, e.g. {@code background}. */
    String targetCheck();

    RgbImage apply(Portrait portrait, Random random);
}
