package app.mentorbot.bot.outbox;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the dispatcher when there is something to send, so a reply leaves right after its commit
 * instead of at the next poll. Also carries "this chat is reachable again" from adapters.
 */
@Component
public class DispatchSignal {
    private final Semaphore permits = new Semaphore(0);
    private final ConcurrentLinkedQueue<Chat> reachable = new ConcurrentLinkedQueue<>();

    /** A chat on a platform, as the adapter names it. */
    record Chat(String platform, String chatId) {}

    void wake() {
        if (permits.availablePermits() == 0) permits.release();
    }

    /** Wakes after the surrounding transaction commits (a wake before it would find nothing). */
    void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    /** An adapter's word that a chat can be reached again: what waits for it goes out now. */
    public void reachable(String platform, String chatId) {
        reachable.add(new Chat(platform, chatId));
        wake();
    }

    Chat nextReachable() {
        return reachable.poll();
    }

    void await(long millis) throws InterruptedException {
        if (permits.tryAcquire(millis, TimeUnit.MILLISECONDS)) permits.drainPermits();
    }
}
