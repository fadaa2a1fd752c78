package cn.gdeea.examphoto.export;

import cn.gdeea.examphoto.export.internal.ExportRunner;
import cn.gdeea.examphoto.job.JobHandler;
import cn.gdeea.examphoto.job.Jobs;
import org.springframework.stereotype.Component;

/** Runs a queued photo export on the node that claims it; its parameter is the point code, empty for all. */
@Component
class PhotoExportJob implements JobHandler {

    private final ExportRunner runner;

    PhotoExportJob(ExportRunner runner) {
        this.runner = runner;
    }

    @Override
    public String kind() {
        return PhotoExport.JOB_KIND;
    }

    @Override
    public void run(Jobs.Progress progress) throws Exception {
        String point = progress.params() == null || progress.params().isEmpty() ? null : progress.params();
        runner.run(point, progress, null);
    }
}
