package cn.gdeea.examphoto.export;

import cn.gdeea.examphoto.job.Jobs;
import java.util.List;

/** An export job as any node sees it, with the archives finished so far. */
public record ExportJob(Jobs.JobStatus job, List<ExportFile> files) {
}
