package cn.gdeea.examphoto.verification;

/**
 * The identity a photo is verified against. {@link #toString()} masks the document number so it
 * never reaches a log.
 */
public record CandidateIdentity(String name, String documentNumber) {

    public static CandidateIdentity unknown() {
        return new CandidateIdentity("", "");
    }

    @Override
    public String toString() {
        String n = documentNumber == null ? "" : documentNumber;
        String masked = n.length() <= 4 ? "*".repeat(n.length())
                : n.substring(0, 2) + "*".repeat(n.length() - 4) + n.substring(n.length() - 2);
        return "CandidateIdentity[name=" + name + ", documentNumber=" + masked + "]";
    }
}
