package cn.gdeea.examphoto.export;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.export.internal.ExportRunner;
import cn.gdeea.examphoto.job.Jobs;
import cn.gdeea.examphoto.storage.StorageIntegrationTest;
import cn.gdeea.examphoto.face.DetectedFace;
import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.StandardPhotoMaker;
import cn.gdeea.examphoto.support.FaceData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The export rate (photos per second) of real standard photos in the filesystem store. 200 candidates by
 * default; {@code -Dexamphoto.benchmark.export.candidates=2000} for the figure in the report.
 */
class PhotoExportRateIntegrationTests extends StorageIntegrationTest {

    @Autowired
    Jobs jobs;

    @Autowired
    ExportRunner runner;

    @Autowired
    PhotoExport exports;

    @Autowired
    FaceEngine engine;

    @Autowired
    StandardPhotoMaker maker;

    @Test
    void exportsEveryCollectedCandidateOfFourPointsAndReportsTheRate() {
        int candidates = Integer.getInteger("examphoto.benchmark.export.candidates", 200);
        List<String> points = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            String code = newPoint();
            fixtures.point(code, "东莞市");
            points.add(code);
        }
        // Real 480×640 standard photos (20–40 KB), as collection makes them, of three real faces.
        List<byte[]> standard = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            RgbImage image = FaceData.image("deepface/img" + (f + 1) + ".jpg");
            DetectedFace face = engine.detect(image).stream().max(Comparator.comparingDouble(d -> d.box().area())).orElseThrow();
            standard.add(maker.make(image, face).jpeg());
        }
        for (int i = 0; i < candidates; i++) {
            var candidate = fixtures.candidate(points.get(i % 4), "考生" + i);
            fixtures.collect(candidate, fixtures.submission(candidate, standard.get(i % 3), standard.get(i % 3), null));
        }

        long photos = 0;
        long bytes = 0;
        long start = System.nanoTime();
        for (String point : points) {
            Jobs.JobStatus job = jobs.runNow(PhotoExport.JOB_KIND, "benchmark", progress -> runner.run(point, progress, null));
            assertThat(job.status()).isEqualTo("SUCCEEDED");
            ExportJob export = exports.find(job.id()).orElseThrow();
            photos += export.files().get(0).candidates();
            bytes += export.files().get(0).bytes();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(photos).isEqualTo(candidates);
        System.out.printf("EXPORT RATE: %d photos (%.1f MB) in %.2f s = %.0f photos/s%n",
                photos, bytes / 1e6, seconds, photos / seconds);
    }
}
