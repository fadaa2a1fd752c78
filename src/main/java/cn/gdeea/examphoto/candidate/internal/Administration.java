package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.candidate.CandidateAdministration;
import cn.gdeea.examphoto.candidate.CandidateState;
import cn.gdeea.examphoto.candidate.Journey;
import cn.gdeea.examphoto.identity.RareCharacters;
import cn.gdeea.examphoto.image.DecodedImage;
import cn.gdeea.examphoto.image.ImageDecoder;
import cn.gdeea.examphoto.review.ReviewCases;
import cn.gdeea.examphoto.settings.SettingsService;
import cn.gdeea.examphoto.storage.PhotoKind;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.verification.DescriptorCodec;
import cn.gdeea.examphoto.verification.EmbeddedFaceVerifier;
import cn.gdeea.examphoto.web.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The candidate module's operations for staff, the roster import and the retention purge. */
@Service
class Administration implements CandidateAdministration {

    private final Candidates candidates;
    private final StateTransitions transitions;
    private final ReviewCases cases;
    private final SettingsService settings;
    private final PhotoRecords photos;
    private final ImageDecoder decoder;
    private final EmbeddedFaceVerifier faces;
    private final ProcessingGate gate;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    Administration(Candidates candidates, StateTransitions transitions, ReviewCases cases, SettingsService settings,
                   PhotoRecords photos, ImageDecoder decoder, EmbeddedFaceVerifier faces, ProcessingGate gate,
                   JdbcClient jdbc, TransactionTemplate tx) {
        this.candidates = candidates;
        this.transitions = transitions;
        this.cases = cases;
        this.settings = settings;
        this.photos = photos;
        this.decoder = decoder;
        this.faces = faces;
        this.gate = gate;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    @Transactional
    public AttemptReset resetAttempts(long candidateId, String actor, Long staffId, String reason) {
        CandidateRow c = candidates.lock(candidateId);
        Journey.Step step = Journey.next(c.state(), c.attemptsUsed(), settings.attemptLimit(), Journey.Action.RESET_ATTEMPTS);
        boolean back = c.state() == CandidateState.MANUAL_REQUIRED
                && cases.cancelWaiting(candidateId, ManualRouting.ATTEMPTS_EXHAUSTED, staffId);
        Journey.Step made = back ? step : new Journey.Step(c.state(), 0, 0, null);
        String detail = "重置核验次数 / attempts reset (" + c.attemptsUsed() + " -> 0): " + reason;
        transitions.apply(candidateId, c.state(), c.attemptsUsed(), made, actor, detail);
        return new AttemptReset(c.attemptsUsed(), made.next(), back);
    }

    @Override
    public ReferenceChange replaceReference(long candidateId, byte[] photo, String fileName, String actor, Long staffId) {
        record Described(DecodedImage image, float[] descriptor) {
        }
        Described d = gate.run(() -> {
            DecodedImage decoded = decoder.decode(photo, fileName);
            return new Described(decoded, faces.describeLargestFace(decoded.image()).orElse(null));
        });
        if (d.descriptor() == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "reference.no_face",
                    "照片中未检测到人脸，请更换清晰的正面照片", "No face found in the photo; use a clear frontal photo");
        }
        PhotoRecords.WrittenFile file = photos.write(photo, Portraits.contentType(d.image()), d.image().image().width(),
                d.image().image().height());
        return tx.execute(t -> {
            long photoId = photos.record(candidateId, PhotoKind.REFERENCE, file);
            return attach(candidateId, photoId, DescriptorCodec.toBytes(d.descriptor()), actor, staffId);
        });
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public ReferenceChange attachReference(long candidateId, long photoId, String actor) {
        return attach(candidateId, photoId, null, actor, null);
    }

    /** One operation for every new reference: a manual route taken for want of one ends with it. */
    private ReferenceChange attach(long candidateId, long photoId, byte[] descriptor, String actor, Long staffId) {
        CandidateRow c = candidates.lock(candidateId);
        jdbc.sql("update candidate set reference_photo_id = ?, reference_descriptor = ?, reference_descriptor_model = ?, updated_at = ? where id = ?")
                .params(photoId, descriptor, descriptor == null ? null : faces.modelId(), now(), candidateId).update();
        boolean back = c.state() == CandidateState.MANUAL_REQUIRED
                && cases.cancelWaiting(candidateId, ManualRouting.NO_REFERENCE, staffId);
        String detail = "更换参考照片 / reference photo " + photoId;
        if (back) {
            Journey.Step step = Journey.next(c.state(), c.attemptsUsed(), settings.attemptLimit(),
                    Journey.Action.REFERENCE_ATTACHED);
            transitions.apply(candidateId, c.state(), c.attemptsUsed(), step, actor, detail);
            return new ReferenceChange(photoId, step.next(), true);
        }
        transitions.record(candidateId, c.state(), c.state(), actor, detail);
        return new ReferenceChange(photoId, c.state(), false);
    }

    @Override
    @Transactional
    public void correctIdentity(long candidateId, String name, String documentNumber, String actor, String detail) {
        CandidateRow c = candidates.lock(candidateId);
        if (name != null) {
            jdbc.sql("update candidate set name = ?, rare_name = ?, updated_at = ? where id = ?")
                    .params(name, RareCharacters.containsRare(name), now(), candidateId).update();
        }
        if (documentNumber != null) {
            jdbc.sql("update candidate set document_number = ?, updated_at = ? where id = ?")
                    .params(documentNumber, now(), candidateId).update();
        }
        transitions.record(candidateId, c.state(), c.state(), actor, "更正 / correction: " + detail);
    }

    static final String UPSERT_POSTGRES = """
            insert into candidate (candidate_number, name, document_type, document_number, city, point_code,
                                   password_hash, rare_name, created_at, updated_at)
            select candidate_number, name, document_type, document_number, city, point_code,
                   coalesce(password_hash, ''), rare_name, ?, ? from roster_staging
            on conflict (candidate_number) do update set
                name = excluded.name, document_type = excluded.document_type,
                document_number = excluded.document_number, city = excluded.city, point_code = excluded.point_code,
                password_hash = case when excluded.password_hash = '' then candidate.password_hash
                                     else excluded.password_hash end,
                rare_name = excluded.rare_name, updated_at = excluded.updated_at""";

    static final String UPSERT_H2 = """
            merge into candidate c using roster_staging s on c.candidate_number = s.candidate_number
            when matched then update set name = s.name, document_type = s.document_type,
                document_number = s.document_number, city = s.city, point_code = s.point_code,
                password_hash = coalesce(s.password_hash, c.password_hash), rare_name = s.rare_name, updated_at = ?
            when not matched then insert (candidate_number, name, document_type, document_number, city, point_code,
                password_hash, rare_name, created_at, updated_at)
                values (s.candidate_number, s.name, s.document_type, s.document_number, s.city, s.point_code,
                s.password_hash, s.rare_name, ?, ?)""";

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void mergeRosterStaging(boolean postgres, OffsetDateTime now) {
        if (postgres) {
            jdbc.sql(UPSERT_POSTGRES).params(now, now).update();
        } else {
            jdbc.sql(UPSERT_H2).params(now, now, now).update();
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void forgetBiometrics(Collection<Long> candidateIds) {
        if (candidateIds.isEmpty()) {
            return;
        }
        jdbc.sql("update candidate set reference_photo_id = null, reference_descriptor = null, reference_descriptor_model = null, updated_at = :now where id in (:ids)")
                .param("ids", candidateIds).param("now", now()).update();
        jdbc.sql("update submission set photo_id = null, standard_photo_id = null, descriptor = null, descriptor_model = null where candidate_id in (:ids)")
                .param("ids", candidateIds).update();
        cases.forgetMaterials(candidateIds);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
