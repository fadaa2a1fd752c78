package cn.gdeea.examphoto.verification;

import cn.gdeea.examphoto.image.RgbImage;

/**
 * A 1:1 identity check of a candidate's photo against their reference. The embedded verifier
 * compares face descriptors; an external verification service is the production alternative.
 */
public interface FaceVerifier {

    /**
     * @param candidate who the photo claims to show (name and document number, for services
     *                  that check against the identity registry)
     * @param reference the reference photo (e.g. the ID-card chip photo from pre-registration)
     * @param probe     the candidate's checked photo
     */
    VerificationResult verify(CandidateIdentity candidate, RgbImage reference, RgbImage probe);
}
