package io.logto.management.core.internal.chain;

import io.logto.management.core.AttemptKind;
import io.logto.management.core.CallListener;
import io.logto.management.core.Interceptor;
import io.logto.management.core.RawResponse;
import io.logto.management.core.RequestOptions;
import io.logto.management.core.RetryPolicy;
import io.logto.management.core.TokenProvider;
import io.logto.management.core.internal.http.PreparedRequest;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A client's one chain, built once: the user's interceptors, in the order added, then the SDK's own
 * steps, in a fixed order:
 * {@code user interceptors -> retry -> auth -> attempt (listeners, log) -> transport (timeout, size limit)}.
 * The token request runs the same chain from the attempt step on ({@link #attemptPath}). Each call
 * picks its {@link Dispatch} once, when it starts: the synchronous API runs every step on its caller's
 * thread, the asynchronous one never holds a thread.
 */
public final class ClientChain {
  private final List<Interceptor> steps;
  private final boolean userSteps;
  private final Dispatch callerThread;
  private final Dispatch async;

  /**
   * Builds the chain.
   *
   * @param interceptors the user's interceptors, in the order added
   * @param retryPolicy the client's retry policy, unless a call's options set another
   * @param clock the clock of {@code Retry-After} dates and the retry time budget
   * @param tokens supplies the tokens the auth step adds
   * @param attemptPath the attempt step and the transport, shared with the token request
   * @param callerThread the dispatch of synchronous calls
   * @param async the dispatch of asynchronous calls
   */
  public ClientChain(List<Interceptor> interceptors, RetryPolicy retryPolicy, Clock clock, TokenProvider tokens,
      List<Interceptor> attemptPath, Dispatch callerThread, Dispatch async) {
    List<Interceptor> all = new ArrayList<>(interceptors);
    all.add(new RetryInterceptor(retryPolicy, clock));
    all.add(new AuthInterceptor(tokens));
    all.addAll(attemptPath);
    this.steps = List.copyOf(all);
    this.userSteps = !interceptors.isEmpty();
    this.callerThread = callerThread;
    this.async = async;
  }

  /**
   * Builds the steps every request's attempts take, token requests included.
   *
   * @param listeners the client's listeners, in the order added
   * @param maxResponseBytes the largest response body read
   * @param ids numbers the attempts; shared by a client and its variants
   * @param http the JDK client
   * @return the attempt step and the transport
   */
  public static List<Interceptor> attemptPath(List<CallListener> listeners, long maxResponseBytes, AtomicLong ids,
      HttpClient http) {
    return List.of(new AttemptInterceptor(listeners, ids), new TransportInterceptor(http, maxResponseBytes));
  }

  /**
   * Starts a call whose caller waits for the answer on its own thread.
   *
   * @param request the request
   * @param options the call's options
   * @param template the path template, for attempt events
   * @param whileWaitingForToken what the caller's thread does if it has to wait for a token
   * @return the answer, complete when this returns
   */
  public CompletableFuture<RawResponse> send(PreparedRequest request, RequestOptions options, String template,
      Runnable whileWaitingForToken) {
    Call call = new Call(AttemptKind.API, callerThread, options, template);
    call.whileWaitingForToken(whileWaitingForToken);
    return run(request, call);
  }

  /**
   * Starts a call whose caller gets a future; cancelling that future aborts the exchange in flight.
   *
   * @param request the request
   * @param options the call's options
   * @param template the path template, for attempt events
   * @param answer turns the answer into what the caller gets
   * @param <T> what the caller gets
   * @return the caller's future
   */
  public <T> CompletableFuture<T> sendAsync(PreparedRequest request, RequestOptions options, String template,
      Function<RawResponse, T> answer) {
    Call call = new Call(AttemptKind.API, async, options, template);
    return call.cancelledWith(run(request, call).thenApply(answer));
  }

  // user interceptors see a request built by the JDK, never the SDK's own class
  private CompletableFuture<RawResponse> run(PreparedRequest request, Call call) {
    return RealChain.run(steps, userSteps ? request.unsigned() : request, call);
  }
}
