package cn.gdeea.examphoto.export.internal;

import java.time.OffsetDateTime;

/** A collected candidate and their standard photo's storage key (null when it has none). */
record CollectedPhoto(String candidateNumber, String name, String pointCode, String city, OffsetDateTime collectedAt,
                      String storageKey, String sha256) {
}
