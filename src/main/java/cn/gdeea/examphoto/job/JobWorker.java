package cn.gdeea.examphoto.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's job workers: each claims the oldest queued (or abandoned) job of a kind this node
 * has a {@link JobHandler} for, runs it, and looks again; idle, it looks every
 * {@code examphoto.jobs.poll}, or at once when a job is submitted on this node. Started after the
 * context is ready and stopped before it closes, handing its running jobs back so that another
 * node resumes them at once.
 */
@Component
class JobWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

    private final Jobs jobs;
    private final Map<String, JobHandler> handlers;
    private final JobSettings settings;
    private final Semaphore wake = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    JobWorker(Jobs jobs, List<JobHandler> handlers, JobSettings settings) {
        this.jobs = jobs;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
        this.settings = settings;
    }

    @Override
    public void start() {
        if (!settings.workerEnabled() || handlers.isEmpty()) {
            return;
        }
        running = true;
        jobs.onSubmit(() -> wake.release(settings.workers()));
        for (int i = 0; i < settings.workers(); i++) {
            Thread t = new Thread(this::loop, "examphoto-job-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void loop() {
        while (running) {
            try {
                Optional<Jobs.Progress> claimed = jobs.claim(handlers.keySet());
                if (claimed.isPresent()) {
                    Jobs.Progress job = claimed.get();
                    jobs.execute(job, handlers.get(job.kind())::run);
                    continue;
                }
            } catch (RuntimeException e) {
                // The database is away for a moment; try again after the pause.
                log.warn("Job worker could not claim a job: {}", e.getClass().getName());
            }
            try {
                wake.tryAcquire(settings.poll().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        jobs.releaseAll();
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
