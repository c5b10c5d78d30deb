package cz.mluv.api.caching;

import cz.mluv.db.refresh.RefreshGeneration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Conditional requests and the cache of the view-backed reads ({@link CachedRead}):
 * <ul>
 *   <li>every 200 answer carries {@code ETag: "<generation>-<key hash>[-<valid until>]"}, where
 *       the generation is the view's last successful refresh ({@link RefreshGeneration#token()}),
 *       and {@code Cache-Control: max-age=<seconds to the next scheduled refresh>} (for active
 *       users at most until the answer changes with the time);</li>
 *   <li>{@code If-None-Match} naming that tag is answered 304 on the Netty event loop, before any
 *       executor or database: the tag is computed from the generation and the request alone
 *       (active users: from the cached answer, else after the read); a bare {@code *} is
 *       matched only against an answer known to exist (cached or just read);</li>
 *   <li>the rendered bytes of each answer are kept per (generation, read, parameters) in
 *       {@link RenderedAnswers} and served from there, on the event loop too, until the view's
 *       next refresh drops them ({@link RefreshListener}).</li>
 * </ul>
 * Errors (4xx, 5xx) are never cached nor tagged. While no generation is known (the listening
 * connection is down), requests pass through uncached, without tags.
 */
@ServerFilter(patterns = {"/api/v1/leaderboard", "/api/v1/leaderboard/users/*", "/api/v1/users/active"})
@Requires(property = "mluv.api.cache.enabled", notEquals = "false")
public class ConditionalReadFilter implements Ordered {

    private static final String PENDING = ConditionalReadFilter.class.getName() + ".pending";

    private final RefreshListener listener;
    private final RenderedAnswers answers;
    private final NextRefresh nextRefresh;
    private final JsonMapper json;

    /**
     * @param listener    the views' current generations
     * @param answers     the cache and its meters
     * @param nextRefresh when the view is refreshed next
     * @param json        the API's JSON mapper (renders as the controllers' answers are rendered)
     */
    public ConditionalReadFilter(RefreshListener listener, RenderedAnswers answers, NextRefresh nextRefresh, JsonMapper json) {
        this.listener = listener;
        this.answers = answers;
        this.nextRefresh = nextRefresh;
        this.json = json;
    }

    /** What the response filter needs to cache a miss. */
    private record Pending(CachedRead read, String key, String generation) {
    }

    /**
     * @param request the request
     * @param context the request's propagated context: a read that will be tagged gets
     *                {@link ReadOnPrimary}, so that a replica behind the generation cannot serve it
     * @return a 304 or the cached answer; {@code null} to let the controller answer
     */
    @RequestFilter
    @Nullable
    public HttpResponse<?> answerFromCache(HttpRequest<?> request, MutablePropagatedContext context) {
        HttpMethod method = request.getMethod();
        CachedRead read = CachedRead.of(request.getPath());
        if (read == null || (method != HttpMethod.GET && method != HttpMethod.HEAD)) {
            return null;
        }
        Optional<RefreshGeneration> generation = listener.generation(CachedRead.VIEW);
        if (generation.isEmpty()) {
            answers.count(read, RenderedAnswers.Outcome.BYPASS);
            return null;
        }
        String token = generation.get().token();
        String key = read.key(request);
        long now = System.currentTimeMillis();
        String ifNoneMatch = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        RenderedAnswers.Answer cached = answers.get(token, key);
        if (cached != null && !cached.validAt(now)) {
            answers.drop(token, key);
            cached = null;
        }
        if (cached != null) {
            if (ifNoneMatch != null && EntityTags.matches(ifNoneMatch, cached.etag())) {
                answers.count(read, RenderedAnswers.Outcome.NOT_MODIFIED);
                return notModified(cached.etag(), maxAge(now, cached.validUntil()));
            }
            answers.count(read, RenderedAnswers.Outcome.HIT);
            MutableHttpResponse<?> ok = HttpResponse.ok(method == HttpMethod.HEAD ? null : cached.body())
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
            return headers(ok, cached.etag(), maxAge(now, cached.validUntil()));
        }
        if (!read.expires() && ifNoneMatch != null) {
            String etag = EntityTags.of(token, key, null);
            if (!ifNoneMatch.trim().equals("*") && EntityTags.matches(ifNoneMatch, etag)) {
                answers.count(read, RenderedAnswers.Outcome.NOT_MODIFIED);
                return notModified(etag, maxAge(now, null));
            }
        }
        request.setAttribute(PENDING, new Pending(read, key, token));
        // The answer will carry this generation: read it where the generation is known to be applied.
        context.add(new ReadOnPrimary());
        return null;
    }

    /**
     * Renders, tags and caches a 200 answered by the controller; answers 304 instead when the
     * request's {@code If-None-Match} names the new tag.
     *
     * @param request  the request
     * @param response the controller's answer
     * @return the answer to send
     */
    @ResponseFilter
    public HttpResponse<?> cacheAnswer(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Pending pending = request.getAttribute(PENDING, Pending.class).orElse(null);
        Object body = response.body();
        if (pending == null || response.code() != HttpStatus.OK.getCode()) {
            return response;
        }
        if (body == null) {
            // HEAD: Micronaut ran the read and dropped the body; the tag of a generation-only read is known
            return pending.read().expires() ? response
                    : headers(response, EntityTags.of(pending.generation(), pending.key(), null), maxAge(System.currentTimeMillis(), null));
        }
        byte[] bytes;
        try {
            bytes = body instanceof byte[] b ? b : json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("rendering " + pending.read() + " failed", e);
        }
        Instant validUntil = pending.read().validUntil(request, body);
        String etag = EntityTags.of(pending.generation(), pending.key(), validUntil);
        answers.put(pending.generation(), pending.key(), new RenderedAnswers.Answer(bytes, etag, validUntil));
        answers.count(pending.read(), RenderedAnswers.Outcome.MISS);
        long now = System.currentTimeMillis();
        String ifNoneMatch = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && EntityTags.matches(ifNoneMatch, etag)) {
            return notModified(etag, maxAge(now, validUntil));
        }
        @SuppressWarnings("unchecked")
        MutableHttpResponse<Object> out = (MutableHttpResponse<Object>) response;
        out.body(bytes).contentType(MediaType.APPLICATION_JSON_TYPE);
        return headers(out, etag, maxAge(now, validUntil));
    }

    private long maxAge(long nowMs, Instant validUntil) {
        long seconds = nextRefresh.secondsUntil(nowMs);
        return validUntil == null ? seconds : Math.max(0, Math.min(seconds, (validUntil.toEpochMilli() - nowMs) / 1000));
    }

    private static MutableHttpResponse<?> notModified(String etag, long maxAge) {
        return headers(HttpResponse.notModified(), etag, maxAge);
    }

    private static MutableHttpResponse<?> headers(MutableHttpResponse<?> response, String etag, long maxAge) {
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "max-age=" + maxAge);
    }

    /** Runs inside the request-id and metrics filters, so that cached answers are timed and carry the id. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.TRACING.order();
    }
}
