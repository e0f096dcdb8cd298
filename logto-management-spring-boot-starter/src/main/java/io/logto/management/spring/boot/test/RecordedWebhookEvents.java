package io.logto.management.spring.boot.test;

import static java.util.Objects.requireNonNull;

import io.logto.management.webhooks.WebhookEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Records every webhook event the application's endpoint publishes, after its listeners ran, so a test
 * can wait for the event an action in Logto (or the emulator) caused and then check what its listeners
 * did. Registered by {@link RecordWebhookEvents}; thread-safe (the endpoint publishes on the server's
 * threads). The context, and so the recording, may be shared by several test classes: call
 * {@link #clear()} before each test.
 *
 * <pre>{@code
 * UserCreated created = recorded.await(UserCreated.class, Duration.ofSeconds(10));
 * }</pre>
 */
public final class RecordedWebhookEvents {
  private final List<WebhookEvent> events = new ArrayList<>();

  /** Created by Spring. */
  public RecordedWebhookEvents() {}

  /**
   * Records one event; called by the application's webhook endpoint once every listener of the event
   * returned or threw, so what a test awaits has been handled.
   *
   * @param event the typed event
   */
  public synchronized void record(WebhookEvent event) {
    events.add(requireNonNull(event, "event == null"));
    notifyAll();
  }

  /**
   * Returns the events recorded so far, oldest first.
   *
   * @return an immutable snapshot
   */
  public synchronized List<WebhookEvent> events() {
    return List.copyOf(events);
  }

  /**
   * Returns the events of one type recorded so far, oldest first.
   *
   * @param type the event's record, such as {@code UserCreated.class}
   * @param <T> the event's type
   * @return an immutable snapshot
   */
  public synchronized <T extends WebhookEvent> List<T> events(Class<T> type) {
    requireNonNull(type, "type == null");
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /**
   * Waits for the first event of a type (it may have been recorded already).
   *
   * @param type the event's record, such as {@code UserCreated.class}
   * @param timeout how long to wait at most
   * @param <T> the event's type
   * @return the first such event recorded since the last {@link #clear()}
   * @throws AssertionError if none came in time; it names the events that did come
   */
  public <T extends WebhookEvent> T await(Class<T> type, Duration timeout) {
    return await(type, event -> true, "", timeout);
  }

  /**
   * Waits for the first event of a type that matches a condition, such as a user's id.
   *
   * @param type the event's record, such as {@code UserCreated.class}
   * @param condition what the event must satisfy
   * @param timeout how long to wait at most
   * @param <T> the event's type
   * @return the first matching event recorded since the last {@link #clear()}
   * @throws AssertionError if none came in time; it names the events that did come
   */
  public <T extends WebhookEvent> T await(Class<T> type, Predicate<? super T> condition, Duration timeout) {
    return await(type, requireNonNull(condition, "condition == null"), " matching the condition", timeout);
  }

  private synchronized <T extends WebhookEvent> T await(Class<T> type, Predicate<? super T> condition,
      String matching, Duration timeout) {
    requireNonNull(type, "type == null");
    requireNonNull(timeout, "timeout == null");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout < 0: " + timeout);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    int checked = 0;
    while (true) {
      for (; checked < events.size(); checked++) {
        WebhookEvent event = events.get(checked);
        if (type.isInstance(event) && condition.test(type.cast(event))) {
          return type.cast(event);
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("No " + type.getSimpleName() + " webhook event" + matching + " within "
            + timeout + "; recorded: " + events.stream().map(WebhookEvent::event).toList());
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for a " + type.getSimpleName() + " webhook event", e);
      }
    }
  }

  /** Forgets the events recorded so far. */
  public synchronized void clear() {
    events.clear();
  }

  @Override
  public synchronized String toString() {
    return "RecordedWebhookEvents" + events.stream().map(WebhookEvent::event).toList();
  }
}
