package org.missionengine.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class RuleThreadsTest {

    @Test
    void sessionsRunOneAfterAnotherReuseOneThread() throws InterruptedException {
        RuleThreads threads = new RuleThreads("test-rules-reuse-");
        Set<Thread> used = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            used.add(runAndWait(threads));
        }
        assertThat(used).hasSize(1);
    }

    @Test
    void aRetiredThreadIsNeverGivenAnotherSession() throws InterruptedException {
        RuleThreads threads = new RuleThreads("test-rules-retired-");
        CountDownLatch done = new CountDownLatch(1);
        Thread[] first = new Thread[1];
        RuleThreads.Worker worker = threads.start(() -> {
            first[0] = Thread.currentThread();
            done.countDown();
        });
        worker.retire();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        first[0].join(5_000);

        assertThat(first[0].isAlive()).as("a retired thread ends after its session").isFalse();
        assertThat(runAndWait(threads)).isNotSameAs(first[0]);
    }

    @Test
    void anInterruptLeftByASessionEndsItsThreadInsteadOfReachingTheNext() throws InterruptedException {
        RuleThreads threads = new RuleThreads("test-rules-interrupted-");
        Thread interrupted = runAndWait(threads, () -> Thread.currentThread().interrupt());
        interrupted.join(5_000);

        assertThat(interrupted.isAlive()).isFalse();
        boolean[] sawInterrupt = {true};
        Thread next = runAndWait(threads, () -> sawInterrupt[0] = Thread.currentThread().isInterrupted());
        assertThat(next).isNotSameAs(interrupted);
        assertThat(sawInterrupt[0]).isFalse();
    }

    @Test
    void anIdleThreadEndsAfterItsIdleTime() throws InterruptedException {
        RuleThreads threads = new RuleThreads("test-rules-idle-", 50);
        Thread thread = runAndWait(threads);
        thread.join(5_000);

        assertThat(thread.isAlive()).isFalse();
        assertThat(runAndWait(threads)).as("a new thread replaces it").isNotSameAs(thread).isNotNull();
    }

    @Test
    void concurrentCallersEachGetAThreadOfTheirOwn() throws InterruptedException {
        RuleThreads threads = new RuleThreads("test-rules-concurrent-");
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Thread[] ran = new Thread[2];
        for (int i = 0; i < 2; i++) {
            int k = i;
            threads.start(() -> {
                ran[k] = Thread.currentThread();
                bothRunning.countDown();
                await(release);
            });
        }
        assertThat(bothRunning.await(5, TimeUnit.SECONDS)).as("neither waits for the other").isTrue();
        release.countDown();
        assertThat(ran[0]).isNotSameAs(ran[1]);
    }

    private static Thread runAndWait(RuleThreads threads) throws InterruptedException {
        return runAndWait(threads, () -> { });
    }

    private static Thread runAndWait(RuleThreads threads, Runnable body) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Thread[] ran = new Thread[1];
        threads.start(() -> {
            ran[0] = Thread.currentThread();
            body.run();
            done.countDown();
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        // the worker goes idle right after the task: give it the moment it needs to be found again
        for (int i = 0; i < 100 && ran[0].getState() == Thread.State.RUNNABLE; i++) {
            Thread.sleep(1);
        }
        return ran[0];
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
