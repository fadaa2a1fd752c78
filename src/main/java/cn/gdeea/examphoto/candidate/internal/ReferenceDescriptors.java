package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.image.ImageDecoder;
import cn.gdeea.examphoto.image.ImageLimits;
import cn.gdeea.examphoto.image.ImageRejectedException;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.verification.DescriptorCodec;
import cn.gdeea.examphoto.verification.EmbeddedFaceVerifier;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Face descriptors the verifier compares. The reference photo's is computed on first use (through the processing gate, in no
 * transaction) and cached on the candidate row. The cache write is conditional on the photo it was
 * computed from, so a descriptor of a replaced reference is never stored.
 */
@Service
class ReferenceDescriptors {

    private final Candidates candidates;
    private final PhotoRecords photos;
    private final EmbeddedFaceVerifier faces;
    private final ProcessingGate gate;
    /** Reference photos come from the roster, not from uploads: the upload byte limit does not apply to them. */
    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());

    ReferenceDescriptors(Candidates candidates, PhotoRecords photos, EmbeddedFaceVerifier faces, ProcessingGate gate) {
        this.candidates = candidates;
        this.photos = photos;
        this.faces = faces;
        this.gate = gate;
    }

    /**
     * Empty when the candidate has no reference photo or it shows no face. A cached descriptor of
     * another model (the recogniser was changed) is computed again, never compared.
     */
    Optional<float[]> of(CandidateRow c) {
        if (c.referenceDescriptor() != null && faces.modelId().equals(c.referenceDescriptorModel())) {
            return Optional.of(DescriptorCodec.fromBytes(c.referenceDescriptor()));
        }
        Long photoId = c.referencePhotoId();
        if (photoId == null) {
            return Optional.empty();
        }
        Optional<byte[]> bytes = photos.find(photoId).flatMap(photos::bytes);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        Optional<float[]> descriptor = describe(bytes.get());
        descriptor.ifPresent(d -> candidates.cacheReferenceDescriptor(c.id(), photoId, DescriptorCodec.toBytes(d), faces.modelId()));
        return descriptor;
    }

    /**
     * The probe's descriptor: the one stored with the submission, or, when the recogniser was
     * changed since it was checked, one computed again from its photo by the current model.
     */
    Optional<float[]> probe(Submissions.SubmissionRow s) {
        if (s.descriptor() != null && faces.modelId().equals(s.descriptorModel())) {
            return Optional.of(DescriptorCodec.fromBytes(s.descriptor()));
        }
        return photos.find(s.photoId()).flatMap(photos::bytes).flatMap(this::describe);
    }

    /** The descriptor of a photo's most prominent face; empty when it is unreadable or shows none. */
    Optional<float[]> describe(byte[] bytes) {
        return gate.run(() -> {
            try {
                return faces.describeLargestFace(decoder.decode(bytes, "reference").image());
            } catch (ImageRejectedException e) {
                return Optional.<float[]>empty();
            }
        });
    }
}
