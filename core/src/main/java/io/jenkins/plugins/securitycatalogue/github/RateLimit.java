package io.jenkins.plugins.securitycatalogue.github;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * What a response says about GitHub's rate limits: the primary limit ({@code x-ratelimit-remaining} and
 * {@code x-ratelimit-reset}, epoch seconds) and secondary limits ({@code retry-after} seconds, or a 403/429 whose
 * message mentions a rate limit, after which GitHub asks to wait at least a minute).
 *
 * @param limited whether this response refused the request because of a rate limit
 * @param exhausted whether no request is left until the reset
 * @param resetAt when the primary limit resets, or {@code null} if not said
 * @param retryAfter how long GitHub asked to wait, or {@code null} if not said
 */
record RateLimit(boolean limited, boolean exhausted, @CheckForNull Instant resetAt,
        @CheckForNull Duration retryAfter) {
    private static final Duration SECONDARY_DEFAULT_WAIT = Duration.ofMinutes(1);
    private static final Duration MARGIN = Duration.ofSeconds(1);

    /** Reads the headers; times are taken relative to the server's {@code Date} header where present. */
    static RateLimit of(HttpAnswer answer, Instant now) {
        Instant reset = resetAt(answer, now);
        Duration retry = seconds(answer.header("retry-after"));
        boolean exhausted = "0".equals(trim(answer.header("x-ratelimit-remaining")));
        boolean refused = answer.status() == 403 || answer.status() == 429;
        boolean limited = refused && (exhausted || retry != null || mentionsRateLimit(answer)
                || answer.status() == 429);
        return new RateLimit(limited, exhausted, reset, retry);
    }

    /** Returns how long to wait before trying again. */
    Duration waitFrom(Instant now) {
        if (retryAfter != null) {
            return retryAfter;
        }
        if (resetAt != null && exhausted) {
            Duration until = Duration.between(now, resetAt).plus(MARGIN);
            return until.isNegative() ? MARGIN : until;
        }
        return SECONDARY_DEFAULT_WAIT;
    }

    @CheckForNull
    private static Instant resetAt(HttpAnswer answer, Instant now) {
        String reset = trim(answer.header("x-ratelimit-reset"));
        if (reset == null) {
            return null;
        }
        try {
            Instant serverReset = Instant.ofEpochSecond(Long.parseLong(reset));
            Instant serverNow = serverDate(answer.header("date"));
            return serverNow == null ? serverReset : now.plus(Duration.between(serverNow, serverReset));
        }
        catch (NumberFormatException exception) {
            return null;
        }
    }

    @CheckForNull
    private static Instant serverDate(@CheckForNull String date) {
        if (date == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        }
        catch (DateTimeParseException exception) {
            return null;
        }
    }

    @CheckForNull
    private static Duration seconds(@CheckForNull String value) {
        try {
            return value == null ? null : Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        }
        catch (NumberFormatException exception) {
            return null;
        }
    }

    private static boolean mentionsRateLimit(HttpAnswer answer) {
        return answer.text().toLowerCase(Locale.ROOT).contains("rate limit");
    }

    @CheckForNull
    private static String trim(@CheckForNull String value) {
        return value == null ? null : value.strip();
    }
}
