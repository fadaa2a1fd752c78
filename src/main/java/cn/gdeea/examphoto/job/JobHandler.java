package cn.gdeea.examphoto.job;

/**
 * Runs the queued jobs of one kind on whichever node claims them. A handler reads what to do from
 * {@link Jobs.Progress#params()} and, when resumed after a node stopped, continues from
 * {@link Jobs.Progress#checkpoint()}; it must not depend on anything held only by the node that
 * submitted the job (local files, memory).
 */
public interface JobHandler {

    /** The {@code job.kind} this handler runs. */
    String kind();

    void run(Jobs.Progress progress) throws Exception;
}
