package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.candidate.CandidateState;
import cn.gdeea.examphoto.identity.DocumentType;
import java.util.Optional;

/** One {@code candidate} row as the candidate API needs it. The document number never leaves unmasked. */
record CandidateRow(long id, String candidateNumber, String name, String documentTypeRaw, String documentNumber,
                    String city, String pointCode, String passwordHash, boolean rareName, Long referencePhotoId,
                    byte[] referenceDescriptor, CandidateState state, int attemptsUsed, Long collectedSubmissionId,
                    Long verifiedSubmissionId, Long currentSubmissionId, String referenceDescriptorModel) {

    /** The document type; an unreadable roster value counts as not verifiable automatically. */
    Optional<DocumentType> documentType() {
        return DocumentType.parse(documentTypeRaw);
    }

    boolean verifiableDocument() {
        return documentType().map(DocumentType::verifiableAutomatically).orElse(false);
    }

    @Override
    public String toString() {
        return "CandidateRow[id=" + id + ", state=" + state + "]";
    }
}
